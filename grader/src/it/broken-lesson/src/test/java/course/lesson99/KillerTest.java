package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 8 · Killer")
class KillerTest {
    @Test
    @Points(10)
    @DisplayName("answers 42")
    void answers() throws Exception {
        assertThat(Killer.answer()).isEqualTo(42);
    }
}
