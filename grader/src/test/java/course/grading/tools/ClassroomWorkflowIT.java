package course.grading.tools;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed Classroom workflow must be exactly what the tests' points generate. */
@Tag("integration")
class ClassroomWorkflowIT {
    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();

    @Test
    @DisplayName(".github/classroom.yml is what the generator makes of the tests' points")
    void workflowIsCurrent() throws IOException {
        String committed = Files.readString(ROOT.resolve(ClassroomWorkflow.FILE), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("run instructor/update-grading-files and commit the result")
                .isEqualTo(ClassroomWorkflow.render(ClassroomWorkflow.exercises(ROOT)));
    }

    @Test
    @DisplayName("its steps' max-scores add up to the course total, one step per exercise")
    void stepsAddUpToTheCourseTotal() throws IOException {
        var exercises = ClassroomWorkflow.exercises(ROOT);
        String committed = Files.readString(ROOT.resolve(ClassroomWorkflow.FILE), StandardCharsets.UTF_8);
        int sum = 0;
        int steps = 0;
        for (Matcher m = Pattern.compile("max-score: (\\d+)").matcher(committed); m.find(); steps++) {
            sum += Integer.parseInt(m.group(1));
        }
        assertThat(steps).isEqualTo(exercises.size());
        assertThat(sum).isEqualTo(exercises.stream().mapToInt(ClassroomWorkflow.Exercise::points).sum());
    }
}
