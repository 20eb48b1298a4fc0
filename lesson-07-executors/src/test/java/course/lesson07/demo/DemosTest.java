package course.lesson07.demo;

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
@DisplayName("Lesson 07 demos run on the starter")
class DemosTest {

    @Test
    @DisplayName("Demo01 compares map, as_completed, platform and virtual threads in a table and an xychart")
    void mapVsAsCompleted() throws Exception {
        Path dir = LectureTable.outputDir(Demo01_MapVsAsCompleted.class);
        DemoOutput.clear(dir, "lesson-07-executors");

        Demo01_MapVsAsCompleted.main(new String[] {"--scale=200", "--repeat=1"});

        DemoOutput.assertWritten(dir, "lesson-07-executors", List.of(
                "4 workers, map: first result", "4 workers, as_completed: first result",
                "4 workers, map: all results", "4 workers, as_completed: all results",
                "100 platform threads: all results", "a virtual thread per name: all results"), 1, 1);
    }
}
