package course.lesson03.demo;

import course.shared.demo.LectureTable;
import course.grading.DemoOutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not graded: proves the lesson's timed demo runs on the starter and writes a well-formed table
 * and Mermaid chart. Shape only, never speed.
 */
@Tag("demo")
@DisplayName("Lesson 03 demos run on the starter")
class DemosTest {

    @Test
    @DisplayName("Demo01 checks numbers in child JVMs and writes the lecture-vs-Java table and an xychart")
    void primesAcrossProcesses() throws Exception {
        Path dir = LectureTable.outputDir(Demo01_PrimesAcrossProcesses.class);
        DemoOutput.clear(dir, "lesson-03-primes");

        Demo01_PrimesAcrossProcesses.main(new String[] {"--numbers=999999000001,12"});

        DemoOutput.assertWritten(dir, "lesson-03-primes",
                List.of("one after another", "one process per number", "one thread per number"), 1, 1);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("child JVMs left running by the demo").isEmpty();
    }

    @Test
    @DisplayName("the demo's own trial division agrees on primes and composites")
    void isPrime() {
        assertThat(List.of(2L, 3L, 1_000_003L, 999_999_000_001L)).allMatch(Demo01_PrimesAcrossProcesses::isPrime);
        assertThat(List.of(1L, 4L, 9L, 1_000_001L, 4_444_444_488_888_889L)).noneMatch(Demo01_PrimesAcrossProcesses::isPrime);
    }
}
