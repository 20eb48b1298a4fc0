package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 3 · Looper")
class LooperTest {
    @Test
    @Points(5)
    @DisplayName("loops once")
    void first() {
        assertThat(Looper.answer()).isEqualTo(42);
    }

    @Test
    @Points(5)
    @DisplayName("loops twice")
    void second() {
        assertThat(Looper.answer()).isEqualTo(42);
    }
}
