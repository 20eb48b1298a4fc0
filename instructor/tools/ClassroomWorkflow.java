import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates the GitHub Classroom workflow ({@code .github/classroom.yml}, installed in the student
 * edition as {@code .github/workflows/classroom.yml}) from the tests themselves. An instructor
 * tool: it runs from source, with no build ({@code java instructor/tools/ClassroomWorkflow.java}),
 * and never ships to students.
 *
 * <pre>{@code
 * java instructor/tools/ClassroomWorkflow.java write .   # rewrites .github/classroom.yml
 * java instructor/tools/ClassroomWorkflow.java check .   # exit 1 when the committed file is stale
 * java instructor/tools/ClassroomWorkflow.java list .    # lesson, exercise number, points, title
 * }</pre>
 *
 * <p>The workflow starts Maven once: a step restores the template's build and tests from the
 * repository's first commit, one step runs the grade profile on the whole course, and then one
 * step per exercise reads that run's {@code target/grading/results.json} (jq, milliseconds) and
 * hands Classroom's reporter the exercise's tests with the points each earned. Classroom's grade
 * is the sum of those points, so it equals the grade profile's, partial credit included.
 */
public final class ClassroomWorkflow {
    /** Where the course keeps it; the student edition installs it as .github/workflows/classroom.yml. */
    public static final String FILE = ".github/classroom.yml";
    /** The per-exercise step's script, in the course and in the student edition. */
    public static final String EXERCISE_SCRIPT = ".github/classroom/exercise";

    private static final Pattern POINTS = Pattern.compile("@Points\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern DISPLAY_NAME = Pattern.compile(
            "@DisplayName\\(\"(Exercise (\\d+) · ([^\"]*))\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public\\s+|final\\s+)*class\\s");

    /** One graded exercise of a lesson: its test classes' points, titled by their display name. */
    public record Exercise(String lesson, int number, String title, int points, List<String> testClasses) {
        String stepId() {
            return "lesson" + lesson.substring("lesson-".length(), "lesson-NN".length()) + "exercise" + number;
        }

        String displayName() {
            return "Exercise " + number + " · " + title;
        }
    }

    private ClassroomWorkflow() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "check";
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        List<Exercise> exercises = exercises(root);
        String expected = render(exercises, support(root));
        Path file = root.resolve(FILE);
        switch (mode) {
            case "write" -> {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                System.out.println("wrote " + root.relativize(file) + ": " + exercises.size() + " exercises, "
                        + exercises.stream().mapToInt(Exercise::points).sum() + " points");
            }
            case "check" -> {
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                    System.out.println(FILE + " is stale: run instructor/update-grading-files and commit the result");
                    System.exit(1);
                }
                System.out.println(FILE + " matches the tests");
            }
            case "list" -> exercises.forEach(e -> System.out.println(
                    e.lesson() + "\t" + e.number() + "\t" + e.points() + "\t" + e.title()));
            default -> throw new IllegalArgumentException("usage: ClassroomWorkflow write|check|list [root]");
        }
    }

    /** Every exercise of every lesson (visible tests only), in lesson and exercise order. */
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
                files = walk.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
            }
            Map<Integer, Exercise> byNumber = new LinkedHashMap<>();
            for (Path file : files) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                int points = 0;
                for (Matcher m = POINTS.matcher(source); m.find(); ) {
                    points += Integer.parseInt(m.group(1));
                }
                Matcher name = DISPLAY_NAME.matcher(source);
                if (points == 0 || !name.find()) {
                    continue;
                }
                int number = Integer.parseInt(name.group(2));
                String testClass = file.getFileName().toString().replace(".java", "");
                Exercise before = byNumber.get(number);
                List<String> classes = new ArrayList<>(before == null ? List.of() : before.testClasses());
                classes.add(testClass);
                byNumber.put(number, new Exercise(lesson.getFileName().toString(), number,
                        before == null ? name.group(3) : before.title(),
                        points + (before == null ? 0 : before.points()), List.copyOf(classes)));
            }
            byNumber.values().stream().sorted(Comparator.comparingInt(Exercise::number)).forEach(exercises::add);
        }
        return exercises;
    }

    /**
     * The lessons' support code: given sources the tests rely on, marked "you do not edit it." in
     * their Javadoc; the workflow grades the template's copy, never the student's.
     */
    public static List<String> support(Path root) throws IOException {
        List<String> support = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> dirs = Files.list(root)) {
            sources = dirs.filter(d -> d.getFileName().toString().matches("lesson-\\d\\d-.+"))
                    .map(d -> d.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        }
        for (Path lesson : sources) {
            try (Stream<Path> walk = Files.walk(lesson)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    // The mark course.grading.Manifest.SUPPORT_MARK looks for (this tool runs from source, without the grader).
                    if (Files.readString(file, StandardCharsets.UTF_8).contains("you do not edit it.")) {
                        support.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                }
            }
        }
        return support;
    }

    /** The workflow file for these exercises, restoring these support files from the template. */
    public static String render(List<Exercise> exercises, List<String> support) {
        StringBuilder yaml = new StringBuilder();
        int total = exercises.stream().mapToInt(Exercise::points).sum();
        yaml.append("""
                # The course's grading workflow, generated from the tests' @Points: do not edit. A change to it,
                # to the build or to the tests is ignored: the third step restores them from the first commit.
                # Maven runs once per push: the grade profile grades every lesson, then one step per exercise
                # reads its results (target/grading/results.json) and reports that exercise's points, partial
                # credit included, to Classroom's reporter. %d points in %d exercises.
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
                    timeout-minutes: 30
                    if: github.actor != 'github-classroom[bot]'
                    steps:
                      - name: Checkout code
                        uses: actions/checkout@v4
                        with:
                          fetch-depth: 0
                      - name: Set up JDK 21
                        uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: '21'
                          cache: maven
                      - name: Use the course's build and tests (from the first commit); grade only your code
                        run: |
                          # Everything but lesson-NN-*/src/main/java comes from the repository's first commit,
                          # the template as you received it: poms, .mvn/, mvnw, the grader, the tests, this
                          # workflow, and the lessons' support code (given sources the tests rely on).
                          # A change to any of them is listed here and ignored.
                          roots=$(git rev-list --max-parents=0 HEAD)
                          if [ "$(printf '%%s\\n' "$roots" | wc -l)" -ne 1 ]; then
                            echo "::error::This repository's history has more than one first commit; grading needs the template's."
                            exit 1
                          fi
                          support="%s"
                          changed=$(git diff --name-only "$roots" HEAD -- . ':(exclude,glob)lesson-*/src/main/java/**'
                            if [ -n "$support" ]; then git diff --name-only "$roots" HEAD -- $support; fi)
                          if [ -n "$changed" ]; then
                            echo "Changed, ignored (grading uses the course's own copy of these):"
                            # File names are yours: GitHub reads no workflow command in them.
                            token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')
                            echo "::stop-commands::$token"
                            printf '%%s\\n' "$changed" | sed 's/^/  /'
                            echo "::$token::"
                          fi
                          keep=$(mktemp -d)
                          for dir in lesson-*/src/main/java; do
                            if [ -d "$dir" ]; then mkdir -p "$keep/$dir" && cp -a "$dir/." "$keep/$dir/"; fi
                          done
                          git checkout -q -f "$roots"
                          git clean -q -ffdx
                          rm -rf lesson-*/src/main/java
                          cp -a "$keep/." .
                          if [ -n "$support" ]; then git checkout -q "$roots" -- $support; fi
                          echo "Grading your lesson-NN-*/src/main/java against the course's build and tests."
                      - name: Grade every lesson (one Maven run; the points tables below are your grade)
                        id: grade
                        continue-on-error: true
                        run: |
                          # The log below shows what your code's failures say: GitHub reads no workflow
                          # command (::error::, ::notice::…) in it, so no text of yours becomes a note of the run.
                          token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')
                          echo "::stop-commands::$token"
                          status=0
                          ./mvnw -B -q -ntp verify -Pgrade -fae || status=$?
                          echo "::$token::"
                          exit $status
                """.formatted(total, exercises.size(), String.join(" ", support)));
        for (Exercise e : exercises) {
            String name = e.lesson() + " · " + e.displayName();
            yaml.append("""
                          - name: %s
                            id: %s
                            run: %s
                    """.formatted(quoted(name), e.stepId(), quoted("bash " + EXERCISE_SCRIPT + " " + e.lesson() + " "
                    + e.number() + " " + e.points() + " " + quotedForShell(e.title()))));
        }
        yaml.append("""
                      - name: Autograding Reporter
                        if: always()
                        uses: classroom-resources/autograding-grading-reporter@v1
                        env:
                """);
        for (Exercise e : exercises) {
            yaml.append("          ").append(e.stepId().toUpperCase(java.util.Locale.ROOT)).append("_RESULTS: \"${{steps.")
                    .append(e.stepId()).append(".outputs.result}}\"\n");
        }
        yaml.append("        with:\n          runners: ")
                .append(String.join(",", exercises.stream().map(Exercise::stepId).toList())).append('\n');
        return yaml.toString();
    }

    /** A YAML single-quoted scalar. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A shell double-quoted word (the title is one argument of the exercise script). */
    private static String quotedForShell(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }
}
