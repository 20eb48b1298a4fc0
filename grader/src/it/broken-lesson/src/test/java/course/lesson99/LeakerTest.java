package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 4 · Leaker")
class LeakerTest {
    @Test
    @Points(5)
    @DisplayName("leaks once")
    void first() {
        assertThat(Leaker.answer()).isEqualTo(42);
    }

    @Test
    @Points(5)
    @DisplayName("leaks twice")
    void second() {
        assertThat(Leaker.answer()).isEqualTo(42);
    }
}
