package course.lesson04.demo;

import course.shared.demo.LectureTable;
import course.grading.DemoOutput;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not graded: proves the lesson's timed demo runs on the starter and writes well-formed tables
 * and Mermaid charts. Shape only, never speed.
 */
@Tag("demo")
@DisplayName("Lesson 04 demos run on the starter")
class DemosTest {
    private static final List<String> PERMITS = List.of("1", "2", "3", "4", "5", "10", "100", "500", "none");

    @Test
    @DisplayName("Demo02 writes both runs of the lecture's semaphore table next to Java's, with an xychart each")
    void semaphoreLimit() throws Exception {
        Path dir = LectureTable.outputDir(Demo02_SemaphoreLimit.class);
        DemoOutput.clear(dir, "lesson-04-semaphore-run1", "lesson-04-semaphore-run2");

        Demo02_SemaphoreLimit.main(new String[] {"--scale=400", "--repeat=1"});

        for (String run : List.of("run1", "run2")) {
            DemoOutput.assertWritten(dir, "lesson-04-semaphore-" + run, PERMITS, 1, 1);
        }
    }

    @Test
    @DisplayName("Demo01 prints the table both ways on the starter")
    void tornLines() throws Exception {
        Demo01_TornLines.main(new String[0]);
    }
}
