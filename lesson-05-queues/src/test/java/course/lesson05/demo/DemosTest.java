package course.lesson05.demo;

import course.shared.demo.LectureTable;
import course.grading.DemoOutput;

import java.nio.file.Files;
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
@DisplayName("Lesson 05 demos run on the starter")
class DemosTest {

    @Test
    @DisplayName("Demo01 puts the lecture's workers-against-time table next to Java's and writes an xychart")
    void workersVsTime() throws Exception {
        Path dir = LectureTable.outputDir(Demo01_WorkersVsTime.class);
        Files.deleteIfExists(dir.resolve("lesson-05-workers.md"));
        Files.deleteIfExists(dir.resolve("lesson-05-workers.mmd"));

        Demo01_WorkersVsTime.main(new String[] {"--scale=200", "--repeat=1"});

        DemoOutput.assertTable(dir.resolve("lesson-05-workers.md"), List.of("1", "2", "4", "5", "10", "20", "50", "100"));
        DemoOutput.assertChart(dir.resolve("lesson-05-workers.mmd"), 8, 1, 1);
    }
}
