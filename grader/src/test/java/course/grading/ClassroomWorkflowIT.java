package course.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed Classroom workflow must be what instructor/tools/ClassroomWorkflow.java makes of
 * the tests' points (an instructor tool, run from source: it is not part of the grader).
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES) // the JDK compiles the tool from source first
class ClassroomWorkflowIT {
    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
    private static final Path TOOL = ROOT.resolve("instructor/tools/ClassroomWorkflow.java");

    private static String run(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, TOOL.toString(), mode, ROOT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(170, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    @DisplayName(".github/classroom.yml is what the generator makes of the tests' points")
    void workflowIsCurrent() throws Exception {
        assertThat(run("check")).contains("matches the tests");
    }

    @Test
    @DisplayName("one step per exercise, worth the exercise's points, adding up to the course total; Maven runs once")
    void stepsAddUpToTheCourseTotal() throws Exception {
        List<String> exercises = run("list").lines().toList();
        String workflow = Files.readString(ROOT.resolve(".github/classroom.yml"), StandardCharsets.UTF_8);
        List<String> steps = new ArrayList<>();
        for (Matcher m = Pattern.compile("bash \\.github/classroom/exercise (\\S+) (\\d+) (\\d+) ").matcher(workflow); m.find(); ) {
            steps.add(m.group(1) + "\t" + m.group(2) + "\t" + m.group(3));
        }
        assertThat(steps).containsExactlyElementsOf(exercises.stream()
                .map(line -> line.substring(0, line.lastIndexOf('\t'))).toList());
        int total = exercises.stream().mapToInt(line -> Integer.parseInt(line.split("\t")[2])).sum();
        assertThat(workflow).contains(total + " points in " + exercises.size() + " exercises");
        assertThat(Pattern.compile("\\./mvnw |mvn ").matcher(workflow).results().count()).as("Maven invocations").isEqualTo(1);
    }
}
