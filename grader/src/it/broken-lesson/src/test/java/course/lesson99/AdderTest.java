package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 1 · Adder")
class AdderTest {
    @Test
    @Points(5)
    @DisplayName("adds once")
    void first() {
        assertThat(Adder.add(2, 3)).isEqualTo(5);
    }

    @Test
    @Points(5)
    @DisplayName("adds twice")
    void second() {
        assertThat(Adder.add(-2, 2)).isZero();
    }
}
