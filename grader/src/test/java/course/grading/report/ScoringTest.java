package course.grading.report;

import course.grading.Events;
import course.grading.Failures;
import course.grading.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic and the words of the report, on events written by hand. */
class ScoringTest {
    private static final String CLASS = "[engine:junit-jupiter]/[class:course.lesson42.DemoTest]";
    private static final String PLAIN = CLASS + "/[method:plain()]";
    private static final String CASES = CLASS + "/[test-template:cases(int)]";

    @TempDir
    Path session;

    private TestEvents events(String... lines) throws IOException {
        Files.write(session.resolve("1.events"), List.of(lines));
        return TestEvents.read(session);
    }

    private static GradedTest plain(int points) {
        return new GradedTest(PLAIN, "course.lesson42", "course.lesson42.DemoTest", "Exercise 1 · Demo", "plain", points, false);
    }

    private static GradedTest cases(int points) {
        return new GradedTest(CASES, "course.lesson42", "course.lesson42.DemoTest", "Exercise 1 · Demo", "cases", points, true);
    }

    @Test
    @DisplayName("a passing test earns all its points, a failing one none, with its message")
    void plainTests() throws IOException {
        TestEvents passed = events(Events.planned(PLAIN), Events.started(PLAIN), Events.finished(PLAIN, Outcome.PASSED, ""));
        assertThat(Result.of(plain(5), passed).earned()).isEqualTo(5);

        TestEvents failed = events(Events.planned(PLAIN), Events.started(PLAIN),
                Events.finished(PLAIN, Outcome.NOT_IMPLEMENTED, "not implemented yet: do it\nsecond line"));
        Result result = Result.of(plain(5), failed);
        assertThat(result.earned()).isZero();
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_IMPLEMENTED);
        assertThat(result.message()).isEqualTo("not implemented yet: do it\nsecond line");
    }

    @Test
    @DisplayName("a parameterized test shares its points over its cases")
    void partialCredit() throws IOException {
        TestEvents events = events(Events.planned(CASES),
                Events.dynamic(CASES + "/[test-template-invocation:#1]", CASES, "[1] 1"),
                Events.finished(CASES + "/[test-template-invocation:#1]", Outcome.PASSED, ""),
                Events.dynamic(CASES + "/[test-template-invocation:#2]", CASES, "[2] 2"),
                Events.finished(CASES + "/[test-template-invocation:#2]", Outcome.ASSERTION, "expected 4"),
                Events.dynamic(CASES + "/[test-template-invocation:#3]", CASES, "[3] 3"),
                Events.finished(CASES + "/[test-template-invocation:#3]", Outcome.PASSED, ""),
                Events.dynamic(CASES + "/[test-template-invocation:#4]", CASES, "[4] 4"),
                Events.finished(CASES + "/[test-template-invocation:#4]", Outcome.PASSED, ""));

        Result result = Result.of(cases(4), events);

        assertThat(result.earned()).isEqualTo(3);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("3 of 4 cases pass; case [2] 2: expected 4");
    }

    @Test
    @DisplayName("a test whose JVM died says so: while it ran, or before it started")
    void deadJvm() throws IOException {
        String other = CLASS + "/[method:other()]";
        TestEvents events = events(Events.planned(PLAIN), Events.planned(other), Events.started(PLAIN));

        assertThat(Result.of(plain(5), events).message()).startsWith("the test JVM exited while this test ran");
        GradedTest never = new GradedTest(other, "course.lesson42", "course.lesson42.DemoTest", "Exercise 1 · Demo", "other", 5, false);
        assertThat(Result.of(never, events).message()).startsWith("the test JVM exited before this test ran");
        assertThat(Result.of(plain(5), events("")).outcome()).isEqualTo(Outcome.NO_RESULT);
    }

    @Test
    @DisplayName("with -Dtest, only the test classes that ran count as reported, parameterized ones too")
    void classReported() throws IOException {
        TestEvents events = events(Events.planned(PLAIN));
        String otherClass = "[engine:junit-jupiter]/[class:course.lesson42.DemoTestTwo]/[test-template:cases(int)]";

        assertThat(events.classReported(CASES)).as("a parameterized test of the class that ran").isTrue();
        assertThat(events.classReported(otherClass)).as("a parameterized test of a class that did not run").isFalse();
    }

    @Test
    @DisplayName("a failure of the whole test class is charged to each of its tests")
    void classFailure() throws IOException {
        TestEvents events = events(Events.planned(PLAIN), Events.finished(CLASS, Outcome.ERROR, "IllegalStateException: no server"));

        assertThat(Result.of(plain(5), events).message())
                .isEqualTo("the test class failed before this test could run: IllegalStateException: no server");
    }

    @Test
    @DisplayName("event lines survive tabs, line breaks and backslashes in messages")
    void eventsRoundTrip() {
        String message = "a\tb\nc\\d\r";
        assertThat(Events.parse(Events.finished("id", Outcome.ASSERTION, message)))
                .containsExactly("finished", "id", "assertion", message);
    }

    @Test
    @DisplayName("a wrapped error leads with its real cause")
    void wrappedErrors() {
        var wrapped = new ExceptionInInitializerError(new SecurityException("System.exit(1) was called by X"));

        assertThat(Outcome.of(wrapped)).isEqualTo(Outcome.ERROR);
        assertThat(Failures.describe(wrapped))
                .startsWith("SecurityException: System.exit(1) was called by X\n  wrapped in ExceptionInInitializerError");
        assertThat(Outcome.of(new RuntimeException(new UnsupportedOperationException("not implemented yet: x"))))
                .isEqualTo(Outcome.NOT_IMPLEMENTED);
    }

    @Test
    @DisplayName("reports are bounded, and say how much they cut")
    void bounded() {
        String cut = Failures.bound("x".repeat(10_000), 100);
        assertThat(cut).hasSize(100).endsWith("more characters cut]");
        assertThat(Failures.firstLine("first\nsecond", 80)).isEqualTo("first");
    }

    @Test
    @DisplayName("JSON strings are escaped and whole numbers printed without decimals")
    void json() {
        assertThat(Json.write(Map.of("a\"b", List.of(1.0, 0.5, "x\ny"))))
                .isEqualTo("{\n  \"a\\\"b\": [\n    1,\n    0.50,\n    \"x\\ny\"\n  ]\n}");
    }

    @Test
    @DisplayName("the README's exercise table is read by test class, with its total")
    void readmeTable() throws IOException {
        Path readme = session.resolve("README.md");
        Files.writeString(readme, """
                # Lesson 02

                | Mistake | Test |
                |---|---|
                | run() | `TaskRunnerTest` 99 |

                ## Exercises

                | # | Exercise | File to edit | Test | Points |
                |---|----------|--------------|------|-------:|
                | 1 | Fetch | `src/main/java/course/lesson02/PageFetcher.java` | `PageFetcherTest` | 10 |
                | 2 | Start | `src/main/java/course/lesson02/TaskRunner.java` | `TaskRunnerTest` | **15** |
                | | **Total** | | | **25** |

                ## Common mistakes

                | `PageFetcherTest` | 1 |
                """);

        ReadmeTable table = ReadmeTable.read(readme);

        assertThat(table.pointsByTestClass()).containsExactly(Map.entry("PageFetcherTest", 10), Map.entry("TaskRunnerTest", 15));
        assertThat(table.total()).isEqualTo(25);
        assertThat(table.titleByTestClass()).containsEntry("TaskRunnerTest", "Exercise 2 · Start");
    }
}
