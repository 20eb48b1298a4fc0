package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 14 · Smuggler")
class SmugglerTest {
    @Test
    @Points(2)
    @DisplayName("returns the words")
    void words() {
        assertThat(Smuggler.words()).containsExactly("a", "b");
    }
}
