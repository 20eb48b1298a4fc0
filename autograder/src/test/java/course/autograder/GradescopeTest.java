package course.autograder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run_autograder's Java half: what it takes from a submission, and what a student reads. */
class GradescopeTest {
    private static final String LESSON = "lesson-01-demo";
    private static final List<String> BUILD_LOG = List.of(
            "[INFO] --- compiler:3.14.1:compile (default-compile) @ lesson-01-demo ---",
            "[ERROR] /tmp/grading.x/lesson-01-demo/src/main/java/course/lesson01/Broken.java:[1,24] illegal start of expression",
            "[INFO] ",
            "[ERROR] /tmp/grading.x/lesson-01-demo/src/test/java/course/lesson01/BrokenTest.java:[62,13] cannot find symbol",
            "  symbol:   class PhoneBook",
            "  location: class course.lesson01.BrokenTest",
            "[ERROR] /tmp/grading.x/lesson-02-other/src/test/java/course/lesson02/OtherTest.java:[5,1] cannot find symbol",
            "  symbol:   method run()");

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("compiler errors are read from the build log by lesson, with javac's detail lines")
    void compilerErrors() {
        var errors = Gradescope.compilerErrors(BUILD_LOG);
        assertThat(errors).containsOnlyKeys(LESSON, "lesson-02-other");
        assertThat(errors.get(LESSON)).extracting(Gradescope.CompilerError::describe).containsExactly(
                "src/main/java/course/lesson01/Broken.java:1:24: illegal start of expression",
                "src/test/java/course/lesson01/BrokenTest.java:62:13: cannot find symbol; symbol: class PhoneBook;"
                        + " location: class course.lesson01.BrokenTest");
    }

    @Test
    @DisplayName("a lesson that does not compile shows the errors in the student's code, not the tests' cascade")
    void notCompiledShowsTheStudentsErrors() {
        var errors = Gradescope.compilerErrors(BUILD_LOG);
        String own = Gradescope.notCompiled(LESSON, errors.get(LESSON));
        assertThat(own).startsWith(LESSON + " does not compile")
                .contains("src/main/java/course/lesson01/Broken.java:1:24: illegal start of expression")
                .doesNotContain("BrokenTest")
                .endsWith("./mvnw test -pl " + LESSON);
        String tests = Gradescope.notCompiled("lesson-02-other", errors.get("lesson-02-other"));
        assertThat(tests).contains("the course's tests do not compile against it")
                .contains("OtherTest.java:5:1: cannot find symbol; symbol: method run()");
    }

    @Test
    @DisplayName("only lesson sources are taken; changed course files are named, unchanged ones are not")
    void take() throws IOException {
        Path work = dir.resolve("work");
        write(work.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo {}\n");
        write(work.resolve(LESSON + "/src/test/java/course/lesson01/TodoTest.java"), "class TodoTest {}\n");
        write(work.resolve(LESSON + "/pom.xml"), "<project/>\n");
        write(work.resolve("pom.xml"), "<project/>\n");
        Path submission = dir.resolve("submission");
        write(submission.resolve("repo/" + LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo { int done; }\n");
        write(submission.resolve("repo/" + LESSON + "/src/test/java/course/lesson01/TodoTest.java"), "class TodoTest { }\n");
        write(submission.resolve("repo/" + LESSON + "/pom.xml"), "<project/>\r\n");
        write(submission.resolve("repo/pom.xml"), "<project><!-- mine --></project>\n");
        write(submission.resolve("repo/notes.txt"), "todo\n");
        write(submission.resolve("repo/.git/config"), "[core]\n");
        write(submission.resolve("repo/" + LESSON + "/target/classes/course/lesson01/Todo.class"), "x");

        Gradescope.Taken taken = Gradescope.take(submission, work);

        assertThat(taken.taken()).containsExactly("repo/" + LESSON + "/src/main/java/course/lesson01/Todo.java");
        assertThat(Files.readString(work.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java")))
                .isEqualTo("class Todo { int done; }\n");
        assertThat(taken.changedIgnored()).as("build files first, then tests")
                .containsExactly("pom.xml", LESSON + "/src/test/java/course/lesson01/TodoTest.java");
        assertThat(taken.notInCourse()).containsExactly("repo/notes.txt");
        assertThat(Files.readString(work.resolve("pom.xml"))).isEqualTo("<project/>\n");
    }

    @Test
    @DisplayName("support code the course's grading.sha256 lists is never taken: an edited copy is named and ignored")
    void supportCodeIsTheCourses() throws IOException {
        Path work = dir.resolve("work");
        String worker = LESSON + "/src/main/java/course/lesson01/Worker.java";
        write(work.resolve(worker), "/** Support code: you use it, you do not edit it. */ class Worker {}\n");
        write(work.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo {}\n");
        write(work.resolve("grading.sha256"), "0".repeat(64) + "  " + worker + "\n");
        Path submission = dir.resolve("submission");
        write(submission.resolve(worker), "class Worker { /* reports what the tests want to see */ }\n");
        write(submission.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo { int done; }\n");

        Gradescope.Taken taken = Gradescope.take(submission, work);

        assertThat(taken.taken()).containsExactly(LESSON + "/src/main/java/course/lesson01/Todo.java");
        assertThat(taken.changedIgnored()).containsExactly(worker);
        assertThat(Files.readString(work.resolve(worker))).contains("you do not edit it");
    }

    @Test
    @DisplayName("with the student edition's checksums, a file is changed only when it differs from what students got")
    void takeAgainstTheStudentEdition() throws IOException {
        Path work = dir.resolve("work");
        write(work.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo {}\n");
        write(work.resolve("pom.xml"), "<project><profiles/></project>\n");
        write(work.resolve("README.md"), "the course's README\n");
        write(work.resolve(Gradescope.EDITION), String.join("\n",
                "3ad4e3b2ee7a1cb0c2c0a5b8a26c4bf15ba8e7c1cc0b8b5f26f9c3aee7aa2e22  pom.xml",
                sha("the students' README\n") + "  README.md",
                sha("<project/>\n") + "  " + LESSON + "/pom.xml") + "\n");
        Path submission = dir.resolve("submission");
        write(submission.resolve("pom.xml"), "<project/>\n");
        write(submission.resolve("README.md"), "the students' README\r\n");
        write(submission.resolve(LESSON + "/pom.xml"), "<project/>\n");
        write(submission.resolve(LESSON + "/src/main/java/course/lesson01/Todo.java"), "class Todo {}\n");

        Gradescope.Taken taken = Gradescope.take(submission, work);

        assertThat(taken.changedIgnored()).containsExactly("pom.xml");
        assertThat(taken.notInCourse()).isEmpty();
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("results.json: a compiling lesson keeps its results, a broken one the starter's tests at 0 with javac's message")
    void collect() throws IOException {
        Path work = dir.resolve("work");
        Path templates = dir.resolve("templates");
        write(work.resolve("lesson-02-other/target/grading/results.json"), """
                {"score": 3, "max_score": 5, "output": "", "tests": [
                  {"name": "lesson-02-other › Exercise 1 · Other › works", "score": 3, "max_score": 5,
                   "status": "failed", "output": "expected 1, got 2", "visibility": "visible"}]}
                """);
        write(templates.resolve(LESSON + ".json"), """
                {"score": 0, "max_score": 14, "output": "", "tests": [
                  {"name": "lesson-01-demo › Exercise 1 · Demo › adds", "score": 0, "max_score": 10,
                   "status": "failed", "output": "not implemented yet", "visibility": "visible"},
                  {"name": "lesson-01-demo › Exercise 2 · Hidden › edges", "score": 0, "max_score": 4,
                   "status": "failed", "output": "not implemented yet", "visibility": "after_published"}]}
                """);
        write(templates.resolve("lesson-02-other.json"), "{\"tests\": []}");
        Files.createDirectories(work.resolve(LESSON));
        Path log = dir.resolve("build.log");
        Files.write(log, BUILD_LOG.subList(0, 2));
        Path out = dir.resolve("results/results.json");

        Gradescope.collect(work, templates, log, out);

        JsonObject results = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(results.get("score").getAsDouble()).isEqualTo(3);
        assertThat(results.get("max_score").getAsDouble()).isEqualTo(19);
        assertThat(results.get("output").getAsString())
                .startsWith("Score: 3/19 points (4 of them from hidden tests, shown once grades are published).\n"
                        + "Does not compile: lesson-01-demo.");
        var tests = results.getAsJsonArray("tests");
        assertThat(tests).hasSize(3);
        JsonObject broken = tests.get(0).getAsJsonObject();
        assertThat(broken.get("name").getAsString()).isEqualTo("lesson-01-demo › Exercise 1 · Demo › adds");
        assertThat(broken.get("score").getAsDouble()).isZero();
        assertThat(broken.get("max_score").getAsDouble()).isEqualTo(10);
        assertThat(broken.get("output").getAsString())
                .contains("src/main/java/course/lesson01/Broken.java:1:24: illegal start of expression");
        assertThat(tests.get(1).getAsJsonObject().get("visibility").getAsString()).isEqualTo("after_published");
        assertThat(tests.get(2).getAsJsonObject().get("output").getAsString()).isEqualTo("expected 1, got 2");
    }
}
