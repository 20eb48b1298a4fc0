package course.lesson02.demo;

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
@DisplayName("Lesson 02 demos run on the starter")
class DemosTest {

    @Test
    @DisplayName("Demo01 prints the lecture's figures next to Java's and writes a table and an xychart")
    void sequentialVsThreaded() throws Exception {
        Path dir = LectureTable.outputDir(Demo01_SequentialVsThreaded.class);
        DemoOutput.clear(dir, "lesson-02-fetch");

        Demo01_SequentialVsThreaded.main(new String[] {"--scale=10"});

        DemoOutput.assertWritten(dir, "lesson-02-fetch", List.of("one after another", "one thread per page"), 1, 1);
    }
}
