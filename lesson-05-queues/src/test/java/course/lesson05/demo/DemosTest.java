package course.lesson05.demo;

import course.shared.demo.LectureTable;
import course.grading.DemoOutput;

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
        DemoOutput.clear(dir, "lesson-05-workers");

        Demo01_WorkersVsTime.main(new String[] {"--scale=200", "--repeat=1"});

        DemoOutput.assertWritten(dir, "lesson-05-workers", List.of("1", "2", "4", "5", "10", "20", "50", "100"), 1, 1);
    }
}
