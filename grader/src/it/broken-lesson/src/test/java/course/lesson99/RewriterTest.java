package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 11 · Rewriter")
class RewriterTest {
    @Test
    @Points(10)
    @DisplayName("answers 42")
    void answers() throws Exception {
        assertThat(Rewriter.answer()).isEqualTo(42);
    }
}
