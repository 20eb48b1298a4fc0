package course.grading.it;

import course.grading.AllowThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team suite: grades a deliberately broken and hostile lesson
 * ({@code grader/src/it/broken-lesson}) with the real build, the way an autograder would, and
 * checks that grading survives it: the correct exercise keeps its points, and each broken or
 * attacking one gets 0 with a message that names the cause — exit, endless loop, leak, flood,
 * forged results from a shutdown hook, a class in Surefire's or another lesson's package, kill -9
 * of the test JVM, UDP, the tests' answers read by reflection, a grader of its own in the
 * submission, stale results from an earlier run, a report forged through an API the gate does not
 * list, Surefire's channel session ids read from its files, a record whose equals says yes to
 * everything, objects like it handed back inside a List&lt;String&gt;, a class named like
 * java.lang.Math that a test's Math.max then calls, a System.out of its own, a build file that
 * tries to choose the grading mode, and processes meant to outlive the test JVM and rewrite its
 * report (a shell in a session of its own, a child JVM's options, a child JVM's own child, a child
 * JVM of a refused class no test names, a child JVM of the grader's report) or to end the build.
 *
 * <p>Runs Maven in a child process, so it is slow (tens of seconds): tagged {@code integration},
 * it runs in the instructor check ({@code -Pinstructor}), not in a student's {@code mvn test}.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@AllowThreads("the Maven child process's stream readers end with it")
class BrokenLessonGradingIT {
    private static LessonBuild lesson;

    private static LessonBuild.Run graded;

    private static LessonBuild.Run student;

    private static Path autograderRoot;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void gradeTheBrokenLesson() throws Exception {
        lesson = LessonBuild.fresh("broken-lesson");
        Path work = lesson.work();
        // Stale, forged results from "an earlier run": they must be gone before the tests start.
        Files.createDirectories(work.resolve("target/surefire-reports"));
        Files.writeString(work.resolve("target/surefire-reports/TEST-course.lesson99.LooperTest.xml"),
                "<testsuite name=\"course.lesson99.LooperTest\"><testcase name=\"spins\" classname=\"course.lesson99.LooperTest\"/></testsuite>");
        // -Dgrading.mode is what a .mvn/maven.config could add: it must not change the grade run's mode.
        // An instructor's regrade: run_autograder exports AUTOGRADER_ROOT, here in the temporary folder.
        autograderRoot = Files.createTempDirectory("autograder-root");
        Files.createDirectories(autograderRoot.resolve("source/autograder/classes/course/autograder"));
        graded = lesson.maven(java.util.Map.of("AUTOGRADER_ROOT", autograderRoot.toString()),
                "verify", "-Pgrade", "-Dgrading.timeout=5", "-Dgrading.mode=student");
        student = lesson.maven("test", "-Dtest=QuitterTest", "-Dgrading.mode=grade");
    }

    @AfterAll
    static void removeTheAutograderRoot() throws Exception {
        if (autograderRoot != null) {
            LessonBuild.delete(autograderRoot);
        }
    }

    @Test
    @DisplayName("the grade run finishes with exit code 0 and writes results.json")
    void gradeRunSucceeds() {
        assertThat(graded.exitCode()).as(graded.output()).isZero();
        assertThat(graded.results()).contains("\"score\": 10,").contains("\"max_score\": 132,");
        assertThat(graded.output()).doesNotContain("FORGED GRADER RAN");
    }

    @Test
    @DisplayName("the correct exercise keeps its points, with an equals of its own that no test compares")
    void correctExerciseKeepsItsPoints() {
        assertThat(graded.output()).containsPattern("Exercise 1 · Adder +10/10");
    }

    @Test
    @DisplayName("System.exit in a static initializer costs only that exercise, and is named")
    void exitIsReported() {
        assertThat(graded.output()).containsPattern("Exercise 2 · Quitter +0/10  SecurityException: System.exit\\(1\\) was called by course.lesson99.Quitter.<clinit>");
    }

    @Test
    @DisplayName("an endless static initializer times out, and the message shows where it spun")
    void endlessLoopTimesOut() {
        assertThat(graded.output()).containsPattern("Exercise 3 · Looper +0/10  timed out after 5 seconds");
        assertThat(graded.results()).contains("at course.lesson99.Looper.<clinit>(Looper.java");
    }

    @Test
    @DisplayName("a thread left running fails its test, by name")
    void leakIsReported() {
        assertThat(graded.output()).containsPattern("Exercise 4 · Leaker +0/10  left 1 thread\\(s\\) running after the test: 'forgotten-worker'");
    }

    @Test
    @DisplayName("a megabyte-long failure is cut to a bounded size in results.json, and its first line in the table"
            + " ends at a carriage return")
    void outputIsBounded() {
        // The table shows the first line: up to a carriage return too, after which the text would rewrite the row.
        assertThat(graded.output()).containsPattern("Exercise 5 · Shouter +0/10  IllegalStateException: y{10}\n");
        assertThat(graded.results().length()).as("results.json size").isLessThan(40_000);
        assertThat(graded.results()).contains("more characters cut]");
    }

    @Test
    @DisplayName("results forged by a shutdown hook never count: the gate refuses the forger, and removes it so it never runs")
    void forgedResultsEarnNothing() {
        assertThat(graded.output()).containsPattern("Exercise 6 · Forger +0/10  the grading gate refused course.lesson99.Forger: it uses java.lang.Runtime.addShutdownHook");
        // A refused class that ran could still write for the exercises it does not belong to.
        assertThat(lesson.work().resolve("target/classes/course/lesson99/Forger.class")).doesNotExist();
        assertThat(lesson.work().resolve("target/classes/course/lesson99/Adder.class")).exists();
    }

    @Test
    @DisplayName("a report or a test class written through an API the gate does not list (java.util.logging), the"
            + " autograder's adapter rewritten, a link for Failsafe to write through, or Surefire's channel session ids"
            + " read from its files, are refused at run time")
    void reportWrittenAtRunTimeIsRefused() {
        assertThat(graded.output()).containsPattern("Exercise 11 · Rewriter +0/10  SecurityException: (writing to|reading|creating the link) ");
        assertThat(graded.results()).containsPattern("SecurityException: writing to \\S*/target/surefire-reports/"
                + "TEST-course.lesson99.RewriterTest.xml\\S* was refused \\(called by course.lesson99.Rewriter")
                .containsPattern("SecurityException: writing to \\S*/target/test-classes/course/lesson99/AdderTest.class\\S*"
                        + " was refused \\(called by course.lesson99.Rewriter")
                .containsPattern("SecurityException: reading \\S*target/surefire/surefire\\S* was refused \\(called by course.lesson99.Rewriter")
                .containsPattern("SecurityException: writing to \\S*escaped-from-lesson-99.txt\\S* was refused \\(called by"
                        + " course.lesson99.Rewriter.write\\S*\\): during grading your code may write files only in");
        assertThat(LessonBuild.ROOT.resolve("target/escaped-from-lesson-99.txt")).doesNotExist();
        // The autograder's folder, even in the temporary folder: run_autograder runs its adapter after the build.
        assertThat(graded.results()).containsPattern("SecurityException: writing to \\S*/source/autograder/classes/course/"
                + "autograder/Gradescope.class\\S* was refused \\(called by course.lesson99.Rewriter.write");
        assertThat(autograderRoot.resolve("source/autograder/classes/course/autograder/Gradescope.class")).doesNotExist();
        // A link in the lesson's folder: Failsafe (Maven's JVM, no guard) would write a later exercise's output through it.
        assertThat(graded.results()).containsPattern("SecurityException: creating the link \\S*/target/surefire-reports/"
                + "course.lesson99.ShouterTest-output.txt was refused \\(called by course.lesson99.Rewriter.link");
    }

    @Test
    @DisplayName("a class hidden in Surefire's package, or in another lesson's, is refused and removed")
    void impostorIsRefused() {
        assertThat(graded.output()).containsPattern("Exercise 7 · Pretender +0/10  the grading gate refused course.lesson99.Pretender: it uses org.apache.maven.surefire.booter.Impostor");
        assertThat(graded.results()).contains("the grading gate refused org.apache.maven.surefire.booter.Impostor: it lies outside the lesson's package")
                // In lesson 03's package it would have lesson 03's allowances (files, processes).
                .contains("the grading gate refused course.lesson03.Borrower: it lies in another lesson's package (course.lesson03)");
        assertThat(lesson.work().resolve("target/borrowed.txt")).doesNotExist();
    }

    @Test
    @DisplayName("kill -9 of the test JVM costs only that exercise, and says so")
    void killedJvmCostsOnlyItsExercise() {
        assertThat(graded.output()).containsPattern("Exercise 8 · Killer +0/10  the test JVM died while running \"answers 42\"");
    }

    @Test
    @DisplayName("UDP and reflection on the tests are refused by the gate, by name")
    void udpAndReflectionAreRefused() {
        assertThat(graded.output())
                .containsPattern("Exercise 9 · Broadcaster +0/10  the grading gate refused course.lesson99.Broadcaster: it uses java.net.DatagramSocket")
                .containsPattern("Exercise 10 · Spy +0/10  the grading gate refused course.lesson99.Spy: it uses java.lang.reflect.Field \\(reflection, class loading by name, or code run from text\\)");
    }

    @Test
    @DisplayName("a record whose own equals says yes to everything, a class named like java.lang.Math, and a"
            + " System.out of one's own, are refused by the gate")
    void lyingEqualsIsRefused() {
        assertThat(graded.output()).containsPattern("Exercise 12 · Liar +0/10  the grading gate refused course.lesson99.(Liar|Math)");
        assertThat(graded.results())
                .contains("the grading gate refused course.lesson99.Liar$Verdict: it defines its own equals(Object)")
                .contains("the grading gate refused course.lesson99.Math: it has the name of java.lang.Math")
                .contains("the grading gate refused course.lesson99.Liar: it uses java.lang.System.setOut()");
    }

    @Test
    @DisplayName("objects whose own equals says yes to everything, handed back inside a List<String>, say no to the strings")
    void smuggledLiarsSayNo() {
        assertThat(graded.output()).containsPattern("Exercise 14 · Smuggler +0/2 ");
        assertThat(graded.results()).containsPattern("Smuggler › returns the words\",(?s:.){0,200}?to contain exactly")
                .doesNotContain("the grading gate refused course.lesson99.Smuggler");
    }

    @Test
    @DisplayName("a process meant to outlive the test JVM and rewrite its report is refused, in child JVMs too;"
            + " so is ending the build")
    void escapingProcessesAreRefused() {
        assertThat(graded.output()).containsPattern("Exercise 13 · Escaper +0/10  IOException: starting '");
        assertThat(graded.results())
                .containsPattern("starting 'setsid sh -c .{0,80}?' was refused \\(called by course.lesson99.Escaper.shellInItsOwnSession")
                .contains("a child JVM's option -XX:OnOutOfMemoryError=sh -c sleep 3;")
                // The child JVM of the lesson runs with the guards: its own attempt is refused there.
                .containsPattern("but was: \\\\\"Cannot run program \\\\\"sh\\\\\": starting 'sh -c .{0,80}?' was refused"
                        + " \\(called by course.lesson99.Escaper.main")
                .containsPattern("SecurityException: ending process \\d+ was refused \\(called by course.lesson99.Escaper.endTheBuild");
        assertThat(graded.results()).doesNotContain("the child JVM started the forger");
        // In the grade run a refused class that no test names is removed too: a child JVM could otherwise run
        // it (it ran, and turned the child's guards off by reflection); nor may a child run the grader's report.
        assertThat(graded.results())
                .containsPattern("a child JVM's main class must be one of the lesson's, not course.lesson99.EscaperHead")
                .containsPattern("a child JVM's main class must be one of the lesson's, not course.grading.report.GradingReport");
    }

    @Test
    @DisplayName("a build file cannot choose the grading mode: -Dgrading.mode (what a .mvn/maven.config line adds) changes nothing")
    void buildFileCannotChooseTheMode() throws Exception {
        assertThat(graded.exitCode()).as("the grade run above had -Dgrading.mode=student, and still graded").isZero();
        assertThat(graded.results()).contains("\"max_score\": 132,");
        assertThat(student.exitCode()).as("student mode still fails on failing tests").isNotZero();
    }

    @Test
    @DisplayName("a failing student run ends with its points table and one line of what to do, not Maven's error block")
    void failingStudentRunEndsWithTheVerdict() {
        String output = student.output().stripTrailing();
        String afterTable = output.substring(output.lastIndexOf(" points\n") + " points\n".length());
        assertThat(afterTable.lines().toList()).as("the lines after the points table").hasSizeLessThanOrEqualTo(3)
                .last().asString().startsWith("FAILED lesson-99-broken: 0/");
        assertThat(output).doesNotContain("GradingFailure", "-X switch", "[Help 1]", "Failed to execute goal");
    }

}
