package course.lesson06.demo;

import course.shared.demo.LectureTable;
import course.grading.DemoOutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not graded: proves the lesson's demo of the lecture's experiment runs on the starter and writes
 * a well-formed table and Mermaid chart. Shape only: no verdict on how many updates were lost,
 * except where the model guarantees the answer.
 */
@Tag("demo")
@DisplayName("Lesson 06 demos run on the starter")
class DemosTest {

    @Test
    @DisplayName("Demo01 puts the add/subtract experiment's outcomes in a table and a bar chart")
    void lostUpdates() throws Exception {
        Path dir = LectureTable.outputDir(Demo01_LostUpdates.class);
        DemoOutput.clear(dir, "lesson-06-counter");

        Demo01_LostUpdates.main(new String[] {"--steps=200000"});

        List<String> table = Files.readAllLines(dir.resolve("lesson-06-counter.md"));
        String racyRow = table.size() > 4 ? table.get(4).split("\\|")[1].trim() : "";
        assertThat(racyRow).matches("Java, plain long, no GIL \\(run \\d+\\)");
        DemoOutput.assertWritten(dir, "lesson-06-counter", List.of("CPython <= 3.9 (model)",
                "CPython >= 3.10 (model)", racyRow, "Java, each thread its own count"), 1, 0);
    }

    @Test
    @DisplayName("the model of CPython 3.10+ never switches inside x += 1, so it always ends at 0")
    void modelOf310EndsAtZero() throws Exception {
        assertThat(new Demo01_LostUpdates.GilModel(true).run(300_000)).isZero();
    }
}
