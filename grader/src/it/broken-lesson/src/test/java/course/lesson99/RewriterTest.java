package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 11 · Rewriter")
class RewriterTest {
    @Test
    @Points(3)
    @DisplayName("answers 42")
    void answers() throws Exception {
        assertThat(Rewriter.answer()).isEqualTo(42);
    }

    @Test
    @Points(2)
    @DisplayName("rewrites no test")
    void rewritesNoTest() throws Exception {
        assertThat(Rewriter.rewriteATest()).isEqualTo(42);
    }

    @Test
    @Points(1)
    @DisplayName("writes nothing beside the lesson")
    void writesNothingBesideTheLesson() throws Exception {
        assertThat(Rewriter.besideTheLesson()).isEqualTo(42);
    }

    @Test
    @Points(1)
    @DisplayName("rewrites no file of the autograder's")
    void rewritesNoAdapter() throws Exception {
        assertThat(Rewriter.adapter()).isEqualTo(42);
    }

    @Test
    @Points(1)
    @DisplayName("links no file of the build's")
    void linksNothing() throws Exception {
        assertThat(Rewriter.link()).isEqualTo(42);
    }

    @Test
    @Points(2)
    @DisplayName("knows no channel")
    void knowsNoChannel() throws Exception {
        assertThat(Rewriter.channel()).isEmpty();
    }
}
