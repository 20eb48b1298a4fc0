package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 2 · Quitter")
class QuitterTest {
    @Test
    @Points(5)
    @DisplayName("quits once")
    void first() {
        assertThat(Quitter.answer()).isEqualTo(42);
    }

    @Test
    @Points(5)
    @DisplayName("quits twice")
    void second() {
        assertThat(Quitter.answer()).isEqualTo(42);
    }
}
