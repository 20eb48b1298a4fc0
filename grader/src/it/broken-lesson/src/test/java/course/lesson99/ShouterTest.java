package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 5 · Shouter")
class ShouterTest {
    @Test
    @Points(5)
    @DisplayName("shouts once")
    void first() {
        assertThat(Shouter.answer()).isEqualTo(42);
    }

    @Test
    @Points(5)
    @DisplayName("shouts twice")
    void second() {
        assertThat(Shouter.answer()).isEqualTo(42);
    }
}
