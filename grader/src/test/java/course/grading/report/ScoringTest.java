package course.grading.report;

import course.grading.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic and the words of the report, on JUnit XML reports written by hand. */
class ScoringTest {
    private static final String CLASS = "course.lesson42.DemoTest";

    @TempDir
    Path reports;

    private Recorded recorded(String testcases) throws IOException {
        Files.writeString(reports.resolve("TEST-" + CLASS + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="%s" tests="1">%s</testsuite>
                """.formatted(CLASS, testcases));
        return Recorded.read(reports);
    }

    private static GradedTest plain(int points) {
        return new GradedTest(CLASS, "plain", "plain()", "course.lesson42", CLASS, "Exercise 1 · Demo", "plain", points, false);
    }

    private static GradedTest cases(int points) {
        return new GradedTest(CLASS, "cases", "cases(int,String)", "course.lesson42", CLASS, "Exercise 1 · Demo", "cases", points, true);
    }

    @Test
    @DisplayName("a passing test earns all its points, a failing one none, with its message")
    void plainTests() throws IOException {
        assertThat(Result.of(plain(5), recorded("<testcase name=\"plain\" classname=\"" + CLASS + "\"/>"), null).earned())
                .isEqualTo(5);
        Result failed = Result.of(plain(5), recorded("<testcase name=\"plain\" classname=\"" + CLASS + "\">"
                + "<error message=\"not implemented yet: do it&#10;second line\" type=\"java.lang.UnsupportedOperationException\">"
                + "trace</error></testcase>"), null);
        assertThat(failed.earned()).isZero();
        assertThat(failed.outcome()).isEqualTo(Outcome.NOT_IMPLEMENTED);
        assertThat(failed.message()).isEqualTo("not implemented yet: do it\nsecond line");
    }

    @Test
    @DisplayName("a parameterized test shares its points over its cases")
    void partialCredit() throws IOException {
        Recorded recorded = recorded("""
                <testcase name="cases(int, String)[1]" classname="%1$s"/>
                <testcase name="cases(int, String)[2]" classname="%1$s"><failure message="expected 2" type="org.opentest4j.AssertionFailedError"/></testcase>
                <testcase name="cases(int, String)[3]" classname="%1$s"/>
                <testcase name="cases(int, String)[4]" classname="%1$s"/>
                """.formatted(CLASS));
        Result result = Result.of(cases(8), recorded, null);
        assertThat(result.earned()).isEqualTo(6);
        assertThat(result.outcome()).isEqualTo(Outcome.ASSERTION);
        assertThat(result.message()).isEqualTo("3 of 4 cases pass; case [2]: expected 2");
    }

    @Test
    @DisplayName("a plain test that takes parameters (a @TempDir) is found under its report name")
    void plainTestWithParameters() throws IOException {
        GradedTest withDir = new GradedTest(CLASS, "plain", "plain(Path)", "course.lesson42", CLASS, "Exercise 1 · Demo",
                "plain", 5, false);
        assertThat(Result.of(withDir, recorded("<testcase name=\"plain(Path)\" classname=\"" + CLASS + "\"/>"), null)
                .earned()).isEqualTo(5);
    }

    @Test
    @DisplayName("an exercise the build recorded nothing for gets 0, worded by the test JVM's note when there is one")
    void deadJvm() throws IOException {
        Recorded nothing = Recorded.read(reports);
        assertThat(Result.of(plain(5), nothing, "adds two numbers").message())
                .startsWith("the test JVM died while running \"adds two numbers\"");
        assertThat(Result.of(plain(5), nothing, null).message()).startsWith("no result");
        assertThat(Result.of(plain(5), nothing, null).earned()).isZero();
    }

    @Test
    @DisplayName("two results for one test mark the exercise as tampered with")
    void duplicateIsTampering() throws IOException {
        Recorded recorded = recorded("""
                <testcase name="plain" classname="%1$s"/>
                <testcase name="plain" classname="%1$s"/>
                """.formatted(CLASS));
        assertThat(recorded.tampered(CLASS)).hasValueSatisfying(why -> assertThat(why).contains("two results for plain"));
    }

    @Test
    @DisplayName("a report that names another class's tests is tampering")
    void foreignClassIsTampering() throws IOException {
        assertThat(recorded("<testcase name=\"x\" classname=\"course.lesson42.OtherTest\"/>").tampered(CLASS)).isPresent();
    }

    @Test
    @DisplayName("an error leads with its root cause and the student's frames")
    void errorsShowTheRootCause() throws IOException {
        Result result = Result.of(plain(5), recorded("""
                <testcase name="plain" classname="%s"><error message="boom" type="java.lang.IllegalStateException"><![CDATA[java.lang.IllegalStateException: boom
                	at course.lesson42.Demo.run(Demo.java:10)
                Caused by: java.lang.ArithmeticException: / by zero
                	at course.lesson42.Demo.divide(Demo.java:20)
                	at course.grading.Something.x(Something.java:1)
                ]]></error></testcase>""".formatted(CLASS)), null);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).isEqualTo("""
                ArithmeticException: / by zero
                  wrapped in IllegalStateException: boom
                    at course.lesson42.Demo.divide(Demo.java:20)""");
    }

    @Test
    @DisplayName("-Dtest picks exercises by simple name, glob or list, and tests by #method globs")
    void testFilter() {
        assertThat(GradingReport.selected(plain(1), "DemoTest")).isTrue();
        assertThat(GradingReport.selected(plain(1), "Other,Demo*#plain")).isTrue();
        assertThat(GradingReport.selected(plain(1), "OtherTest")).isFalse();
        assertThat(GradingReport.selected(plain(1), "DemoTest#cases")).as("another method of the class").isFalse();
        assertThat(GradingReport.selected(plain(1), "DemoTest#cases+pl*")).isTrue();
        assertThat(GradingReport.selected(cases(1), "DemoTest#cases")).isTrue();
    }
}
