package course.grading.it;

import course.grading.AllowThreads;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team suite: grades a deliberately broken and hostile lesson
 * ({@code grader/src/it/broken-lesson}) with the real build, the way an autograder would, and
 * checks that grading survives it: the correct exercise keeps its points, and each broken or
 * attacking one gets 0 with a message that names the cause — exit, endless loop, leak, flood,
 * forged results from a shutdown hook, a class in Surefire's package, kill -9 of the test JVM,
 * UDP, the tests' answers read by reflection, a grader of its own in the submission, stale
 * results from an earlier run, and a build file that tries to choose the grading mode.
 *
 * <p>Runs Maven in a child process, so it is slow (tens of seconds): tagged {@code integration},
 * it runs in the instructor check ({@code -Pinstructor}), not in a student's {@code mvn test}.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@AllowThreads("the Maven child process's stream readers end with it")
class BrokenLessonGradingIT {
    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = ROOT.resolve("grader/target/it/broken-lesson");

    private static Run graded;

    record Run(int exitCode, String output, String results) {
    }

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void gradeTheBrokenLesson() throws Exception {
        copy(ROOT.resolve("grader/src/it/broken-lesson"), WORK);
        // Stale, forged results from "an earlier run": they must be gone before the tests start.
        Files.createDirectories(WORK.resolve("target/surefire-reports"));
        Files.writeString(WORK.resolve("target/surefire-reports/TEST-course.lesson99.LooperTest.xml"),
                "<testsuite name=\"course.lesson99.LooperTest\"><testcase name=\"spins\" classname=\"course.lesson99.LooperTest\"/></testsuite>");
        graded = maven("verify", "-Pgrade", "-Dgrading.timeout=5");
    }

    @Test
    @DisplayName("the grade run finishes with exit code 0 and writes results.json")
    void gradeRunSucceeds() {
        assertThat(graded.exitCode()).as(graded.output()).isZero();
        assertThat(graded.results()).contains("\"score\": 10,").contains("\"max_score\": 100,");
        assertThat(graded.output()).doesNotContain("FORGED GRADER RAN");
    }

    @Test
    @DisplayName("the untouched exercise keeps its points")
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
    @DisplayName("a megabyte-long failure is cut to a bounded size in results.json")
    void outputIsBounded() {
        assertThat(graded.output()).containsPattern("Exercise 5 · Shouter +0/10  IllegalStateException: yyyy");
        assertThat(graded.results().length()).as("results.json size").isLessThan(40_000);
        assertThat(graded.results()).contains("more characters cut]");
    }

    @Test
    @DisplayName("results forged by a shutdown hook never count: the gate refuses the forger")
    void forgedResultsEarnNothing() {
        assertThat(graded.output()).containsPattern("Exercise 6 · Forger +0/10  the grading gate refused course.lesson99.Forger: it uses java.lang.Runtime.addShutdownHook");
    }

    @Test
    @DisplayName("a class hidden in Surefire's package is refused and removed")
    void impostorIsRefused() {
        assertThat(graded.output()).containsPattern("Exercise 7 · Pretender +0/10  the grading gate refused course.lesson99.Pretender: it uses org.apache.maven.surefire.booter.Impostor");
        assertThat(graded.results()).contains("the grading gate refused org.apache.maven.surefire.booter.Impostor: it lies outside the lesson's package");
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
                .containsPattern("Exercise 10 · Spy +0/10  the grading gate refused course.lesson99.Spy: it uses java.lang.reflect.Field \\(reflection and class loading by name\\)");
    }

    @Test
    @DisplayName("a build file cannot choose the grading mode: -Dgrading.mode=grade (what a .mvn/maven.config line adds) changes nothing")
    void buildFileCannotChooseTheMode() throws Exception {
        // The same options a .mvn/maven.config would add (a .mvn folder here would move the course root).
        Run run = maven("verify", "-Pgrade", "-Dgrading.timeout=5", "-Dgrading.mode=student", "-Dtest=AdderTest");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results()).as("-Dtest does not shrink a grade run").contains("\"max_score\": 100,")
                .contains("\"score\": 10,");
        Run student = maven("test", "-Dtest=QuitterTest", "-Dgrading.mode=grade");
        assertThat(student.exitCode()).as("student mode still fails on failing tests").isNotZero();
    }

    @Test
    @DisplayName("the instructor check rejects a test that passes on the starter and a test without points")
    void instructorCheckRejectsDishonestTests() throws Exception {
        Path extra = WORK.resolve("src/test/java/course/lesson99/DishonestTest.java");
        Files.writeString(extra, """
                package course.lesson99;

                import course.grading.Points;
                import org.junit.jupiter.api.Test;

                class DishonestTest {
                    @Test
                    @Points(5)
                    void alwaysPasses() {
                    }

                    @Test
                    void carriesNoPoints() {
                        throw new AssertionError("fails, but is worth nothing");
                    }
                }
                """, StandardCharsets.UTF_8);
        try {
            Run run = maven("verify", "-Pinstructor", "-Dtest=DishonestTest", "-Dsurefire.failIfNoSpecifiedTests=false");
            assertThat(run.exitCode()).as("exit code of the instructor check").isNotZero();
            assertThat(run.output())
                    .contains("DishonestTest › alwaysPasses(): passes on the starter (a test that cannot fail is a defect)")
                    .contains("DishonestTest › carriesNoPoints(): carries no points");
        } finally {
            Files.deleteIfExists(extra);
        }
    }

    @Test
    @DisplayName("code that does not compile costs its lesson's points, not the grade run")
    void compileErrorIsGradedAsZero() throws Exception {
        Path broken = WORK.resolve("src/main/java/course/lesson99/Typo.java");
        Files.writeString(broken, "package course.lesson99;\n\nclass Typo { int x = ; }\n", StandardCharsets.UTF_8);
        Files.writeString(WORK.resolve("README.md"), """
                ## Exercises

                | # | Exercise | File to edit | Test | Points |
                |---|----------|--------------|------|-------:|
                | 1 | Adder | `Adder.java` | `AdderTest` | 10 |
                | 2 | Quitter | `Quitter.java` | `QuitterTest` | 10 |
                | | **Total** | | | **20** |
                """, StandardCharsets.UTF_8);
        try {
            Run run = maven("verify", "-Pgrade");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.results()).contains("\"score\": 0,").contains("\"max_score\": 20,")
                    .contains("your code does not compile");
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(WORK.resolve("README.md"));
        }
    }

    private static Run maven(String... goals) throws Exception {
        List<String> command = new ArrayList<>();
        String mavenHome = System.getProperty("maven.home");
        command.add(mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
        command.addAll(List.of("-B", "-ntp", "-f", WORK.resolve("pom.xml").toString()));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank() && !repo.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        try {
            String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = maven.waitFor();
            Path results = WORK.resolve("target/grading/results.json");
            return new Run(exit, output, Files.exists(results) ? Files.readString(results) : "");
        } finally {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }
}
