package course.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderTest {
    @Test
    void noDeadlockHere() {
        assertThat(Deadlocks.describe()).isEmpty();
    }
}
