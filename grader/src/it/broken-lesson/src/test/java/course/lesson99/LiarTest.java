package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 12 · Liar")
class LiarTest {
    @Test
    @Points(10)
    @DisplayName("answers 42")
    void answers() {
        assertThat(Liar.answer()).isEqualTo(new Liar.Verdict(42));
    }
}
