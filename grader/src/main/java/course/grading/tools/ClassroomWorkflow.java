package course.grading.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates the GitHub Classroom autograding workflow from the tests themselves: one step per
 * exercise (a test class), whose {@code max-score} is the sum of its tests' {@code @Points}.
 *
 * <p>Why per exercise: Classroom's command grader gives a step all of its points or none, so a
 * step per lesson would turn one failing test into a lost lesson. A step per exercise keeps
 * partial credit at the granularity of the README's exercise table. The grade profile's own
 * per-test scores (results.json) remain the finer truth.
 *
 * <pre>{@code
 * java … course.grading.tools.ClassroomWorkflow write .   # rewrites .github/classroom.yml
 * java … course.grading.tools.ClassroomWorkflow check .   # exit 1 when the committed file is stale
 * }</pre>
 */
public final class ClassroomWorkflow {
    /** Where the course keeps it; the student edition installs it as .github/workflows/classroom.yml. */
    public static final String FILE = ".github/classroom.yml";

    private static final Pattern POINTS = Pattern.compile("@Points\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"([^\"]*)\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public\\s+|final\\s+)*class\\s");

    /** One graded exercise: a test class of a lesson. */
    public record Exercise(String lesson, String testClass, String title, int points) {
        String stepId() {
            return (lesson.substring(0, "lesson-NN".length()) + "-" + testClass).toLowerCase(Locale.ROOT);
        }
    }

    private ClassroomWorkflow() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        String expected = render(exercises(root));
        Path file = root.resolve(FILE);
        if (args.length > 0 && args[0].equals("write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
            System.out.println(FILE + " is stale: run instructor/update-grading-files and commit the result");
            System.exit(1);
        } else {
            System.out.println(FILE + " matches the tests");
        }
    }

    /** Every exercise of every lesson, in lesson and file order, with the points its tests carry. */
    public static List<Exercise> exercises(Path root) throws IOException {
        List<Exercise> exercises = new ArrayList<>();
        List<Path> lessons;
        try (Stream<Path> dirs = Files.list(root)) {
            lessons = dirs.filter(d -> d.getFileName().toString().matches("lesson-\\d\\d-.+") && Files.isDirectory(d))
                    .sorted().toList();
        }
        for (Path lesson : lessons) {
            Path tests = lesson.resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(tests)) {
                files = walk.filter(f -> f.getFileName().toString().endsWith("Test.java")).sorted().toList();
            }
            List<Exercise> ofLesson = new ArrayList<>();
            for (Path file : files) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                int points = 0;
                for (Matcher m = POINTS.matcher(source); m.find(); ) {
                    points += Integer.parseInt(m.group(1));
                }
                if (points > 0) {
                    String testClass = file.getFileName().toString().replace(".java", "");
                    Matcher title = DISPLAY_NAME.matcher(source);
                    ofLesson.add(new Exercise(lesson.getFileName().toString(), testClass,
                            title.find() ? title.group(1) : testClass, points));
                }
            }
            ofLesson.sort(Comparator.comparingInt((Exercise e) -> number(e.title())).thenComparing(Exercise::testClass));
            exercises.addAll(ofLesson);
        }
        return exercises;
    }

    private static int number(String title) {
        Matcher m = Pattern.compile("(\\d+)").matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The workflow file for these exercises. */
    public static String render(List<Exercise> exercises) {
        StringBuilder yaml = new StringBuilder();
        int total = exercises.stream().mapToInt(Exercise::points).sum();
        yaml.append("""
                # GENERATED by course.grading.tools.ClassroomWorkflow from the tests' @Points: do not edit.
                # Regenerate with instructor/update-grading-files; the instructor check fails while it is stale.
                # One step per exercise, worth that exercise's points; %d points in all.
                name: Autograding Tests
                'on':
                  - push
                  - repository_dispatch
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    runs-on: ubuntu-latest
                    if: github.actor != 'github-classroom[bot]'
                    steps:
                      - name: Checkout code
                        uses: actions/checkout@v4
                      - name: Set up JDK 21
                        uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: '21'
                          cache: maven
                      - name: Download the build's plugins and compile once
                        continue-on-error: true
                        run: ./mvnw -B -q -ntp test-compile
                      - name: Check that graded tests and build files are unchanged
                        continue-on-error: true
                        run: ./mvnw -B -q -ntp -pl grader compile exec:java -Dexec.mainClass=course.grading.Manifest -Dexec.args="check ."
                """.formatted(total));
        for (Exercise e : exercises) {
            yaml.append("""
                          - name: %s
                            id: %s
                            uses: classroom-resources/autograding-command-grader@v1
                            with:
                              test-name: %s
                              setup-command: ''
                              command: ./mvnw -B -q -ntp test -pl %s -Dtest=%s
                              timeout: 10
                              max-score: %d
                    """.formatted(quoted(e.lesson() + " · " + e.title()), e.stepId(),
                    quoted(e.lesson() + " · " + e.title()), e.lesson(), e.testClass(), e.points()));
        }
        yaml.append("""
                      - name: Autograding Reporter
                        uses: classroom-resources/autograding-grading-reporter@v1
                        env:
                """);
        for (Exercise e : exercises) {
            yaml.append("          ").append(e.stepId().toUpperCase(Locale.ROOT)).append("_RESULTS: \"${{steps.")
                    .append(e.stepId()).append(".outputs.result}}\"\n");
        }
        yaml.append("        with:\n          runners: ")
                .append(String.join(",", exercises.stream().map(Exercise::stepId).toList())).append('\n');
        return yaml.toString();
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
