package course.grading.it;

import course.grading.AllowThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken lesson built the other ways: by the instructor check (it must reject a test that
 * cannot fail and a test without points) and graded with code that does not compile. A copy of
 * its own, so it runs beside {@link BrokenLessonGradingIT}.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@AllowThreads("the Maven child process's stream readers end with it")
class InstructorCheckAndCompileErrorIT {
    private static LessonBuild lesson;
    private static Path work;

    @BeforeAll
    static void copyTheLesson() throws Exception {
        lesson = LessonBuild.fresh("broken-lesson-2");
        work = lesson.work();
    }

    @Test
    @DisplayName("the instructor check rejects a test that passes on the starter and a test without points")
    void instructorCheckRejectsDishonestTests() throws Exception {
        Path extra = work.resolve("src/test/java/course/lesson99/DishonestTest.java");
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
            LessonBuild.Run run = lesson.maven("verify", "-Pinstructor", "-Dtest=DishonestTest", "-Dsurefire.failIfNoSpecifiedTests=false");
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
        Path broken = work.resolve("src/main/java/course/lesson99/Typo.java");
        Files.writeString(broken, "package course.lesson99;\n\nclass Typo { int x = ; }\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("README.md"), """
                ## Exercises

                | # | Exercise | File to edit | Test | Points |
                |---|----------|--------------|------|-------:|
                | 1 | Adder | `Adder.java` | `AdderTest` | 10 |
                | 2 | Quitter | `Quitter.java` | `QuitterTest` | 10 |
                | | **Total** | | | **20** |
                """, StandardCharsets.UTF_8);
        try {
            LessonBuild.Run run = lesson.maven("verify", "-Pgrade");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.results()).contains("\"score\": 0,").contains("\"max_score\": 20,")
                    .contains("your code does not compile");
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(work.resolve("README.md"));
        }
    }

}
