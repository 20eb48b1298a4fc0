package course.lesson99;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Exercise 13 · Escaper")
class EscaperTest {
    @Test
    @Points(2)
    @DisplayName("answers 42")
    void answers() throws Exception {
        assertThat(Escaper.shellInItsOwnSession()).isEqualTo("42");
    }

    @Test
    @Points(2)
    @DisplayName("starts a JVM with options of its own")
    void jvmOptions() throws Exception {
        assertThat(Escaper.jvmRunningAShellOnExit()).isEqualTo("42");
    }

    @Test
    @Points(2)
    @DisplayName("starts a JVM of the lesson")
    @Timeout(60) // the grade run's 5 s is for Looper; a guarded child JVM may take longer on a busy machine
    void childJvm() throws Exception {
        assertThat(Escaper.childJvmStartingTheShell()).isEqualTo("42");
    }

    @Test
    @Points(1)
    @DisplayName("starts a JVM of a class no test names")
    void hiddenClass() throws Exception {
        assertThat(Escaper.childJvmOfAClassNoTestNames()).isEqualTo("42");
    }

    @Test
    @Points(1)
    @DisplayName("starts the grader's report")
    void report() throws Exception {
        assertThat(Escaper.childJvmRunningTheGradersReport()).isEqualTo("42");
    }

    @Test
    @Points(2)
    @DisplayName("ends the build")
    void build() {
        assertThat(Escaper.endTheBuild()).isEqualTo("42");
    }
}
