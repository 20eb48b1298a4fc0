package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 12 · Liar")
class LiarTest {
    @Test
    @Points(8)
    @DisplayName("answers 42")
    void answers() {
        assertThat(Liar.answer()).isEqualTo(new Liar.Verdict(42));
    }


    @Test
    @Points(2)
    @DisplayName("returns the larger")
    void larger() {
        assertThat(Liar.larger(2, 3)).isEqualTo(Math.max(2, 3));
    }
}
