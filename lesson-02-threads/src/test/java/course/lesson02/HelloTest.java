package course.lesson02;

import course.grading.Points;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class HelloTest {
    @Test @Points(1) void greets() { assertThat(Hello.greet()).isEqualTo("hi"); }
}
