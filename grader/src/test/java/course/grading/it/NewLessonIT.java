package course.grading.it;

import course.grading.AllowThreads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe "Adding a lesson" of {@code docs/authoring.md}, walked on a throw-away copy of the
 * course: lesson 02 becomes a lesson 99 by its steps 1 to 4, and the instructor check of its step
 * 5, the command as the page writes it, must accept it. Before step 4 (no reference yet) the same
 * check must fail and say so, which proves the check looks at the new lesson at all.
 *
 * <p>Cheap on purpose: the copy holds only what that build reads (the build files, the grader's
 * and the demos' sources, the catalogue runner, lesson 02 as lesson 99 and its reference), the
 * other lessons are their {@code pom.xml} alone, and it takes two offline Maven runs. The copy
 * lives in the system's temporary folder, not under the course (tests that walk the course never
 * meet it half-written); it is deleted when the test passes and kept, for a look, when it fails.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@AllowThreads("the Maven child process's stream readers end with it")
class NewLessonIT {
    private static final Path ROOT = LessonBuild.ROOT;
    /** What the recipe calls the new lesson, and what this test calls it. */
    private static final String RECIPE_LESSON = "lesson-08-topic";
    private static final String RECIPE_NUMBER = "08";
    private static final String LESSON = "lesson-99-copy";
    private static final String NUMBER = "99";

    @Test
    @DisplayName("a lesson made by the recipe of docs/authoring.md passes its instructor check, and fails it without a reference")
    void recipeMakesALessonTheInstructorCheckAccepts() throws Exception {
        Recipe recipe = Recipe.read(ROOT.resolve("docs/authoring.md"));
        Path course = Files.createTempDirectory("new-lesson-it-").toRealPath();
        boolean passed = false;
        try {
            copyWhatTheBuildReads(course);
            LessonBuild build = LessonBuild.at(course);
            String[] check = asTheOuterBuildRuns(recipe.check());

            // Steps 1 and 2: the folder without target/, the package renamed (folders and text), the pom's
            // artifactId (by the renaming) and name. Replacing the copied content with a new lesson's is the author's part.
            copyRenamed(recipe, ROOT.resolve(recipe.source()), course.resolve(LESSON));
            Path pom = course.resolve(LESSON).resolve("pom.xml");
            Files.writeString(pom, Files.readString(pom).replaceFirst("<name>[^<]*</name>", "<name>Lesson 99 · A copy</name>"));
            assertThat(Files.readString(pom)).as("the new lesson's pom.xml").contains("<artifactId>" + LESSON + "</artifactId>");

            // Step 3: the one line in the root pom, before the marker, indented like it.
            Path rootPom = course.resolve("pom.xml");
            String parent = Files.readString(rootPom);
            Matcher marker = Pattern.compile("(?m)^([ \t]*)" + Pattern.quote(recipe.marker())).matcher(parent);
            assertThat(marker.find()).as("the root pom.xml has the line the recipe names: %s", recipe.marker()).isTrue();
            Files.writeString(rootPom, parent.substring(0, marker.start()) + marker.group(1) + recipe.moduleLine() + "\n"
                    + parent.substring(marker.start()));

            // Step 5 before step 4: no reference yet, so the check must fail, and say where the reference goes.
            Path reference = course.resolve("solutions/src/main/java/course/lesson" + NUMBER);
            LessonBuild.Run withoutReference = build.maven(check);
            assertThat(withoutReference.exitCode()).as("exit code of the instructor check without a reference\n%s", withoutReference.output()).isNotZero();
            assertThat(withoutReference.output())
                    .as("what the instructor check says without a reference")
                    .contains(LESSON + ": fails on the reference: ")
                    .contains("(reference: " + reference + ")")
                    .doesNotContain("[grading] reference check passed");

            // Step 4: the reference, at the starter files' paths.
            copyRenamed(recipe, ROOT.resolve("solutions/src/main/java/course/lesson" + recipe.sourceNumber()), reference);
            // Step 5: the lesson's instructor check.
            LessonBuild.Run withReference = build.maven(check);
            assertThat(withReference.exitCode()).as("exit code of the instructor check of %s (copy in %s)\n%s", LESSON, course, withReference.output()).isZero();
            assertThat(withReference.output())
                    .as("what the instructor check of %s printed", LESSON)
                    .contains("Points · " + LESSON)
                    .contains("[grading] reference check passed: all ")
                    .contains("[grading] starter check passed: all ")
                    .contains("[catalogue] " + LESSON + ": ");
            passed = true;
        } finally {
            if (passed) {
                LessonBuild.delete(course);
            } else {
                System.err.println("NewLessonIT: the throw-away course is kept for a look: " + course);
            }
        }
    }

    /**
     * What this test takes from the page, so that the page and the test cannot drift apart: the lesson
     * that step 1 copies, the module line of step 3 and the line it goes before, the command of step 5.
     */
    record Recipe(String source, String sourceNumber, String moduleLine, String marker, String[] check) {
        static Recipe read(Path page) throws IOException {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            int start = text.indexOf("## Adding a lesson");
            assertThat(start).as("docs/authoring.md has a section \"Adding a lesson\"").isNotNegative();
            int end = text.indexOf("\n## ", start + 1);
            String recipe = text.substring(start, end < 0 ? text.length() : end);

            Matcher copy = Pattern.compile("cp -r (lesson-(\\d\\d)-[\\w-]+) " + RECIPE_LESSON).matcher(recipe);
            assertThat(copy.find()).as("the recipe's step 1: cp -r lesson-NN-… %s", RECIPE_LESSON).isTrue();
            String module = "<module>" + RECIPE_LESSON + "</module>";
            assertThat(recipe).as("the recipe's module line").contains(module);
            Matcher marker = Pattern.compile("before `(<!--[^`]*-->)`").matcher(recipe);
            assertThat(marker.find()).as("the recipe says which line of the root pom the module line goes before").isTrue();
            Matcher command = Pattern.compile("(?m)^\\s*\\./mvnw (.*-Pinstructor.*-pl " + RECIPE_LESSON + ",solutions.*)$").matcher(recipe);
            assertThat(command.find()).as("the recipe's instructor check: ./mvnw … -Pinstructor … -pl %s,solutions …", RECIPE_LESSON).isTrue();
            String[] check = Arrays.stream(command.group(1).strip().split("\\s+"))
                    .map(arg -> arg.replace(RECIPE_LESSON, LESSON).replace("-Dlesson=" + RECIPE_NUMBER, "-Dlesson=" + NUMBER))
                    .toArray(String[]::new);
            assertThat(check).as("the recipe's check selects the new lesson").contains("-Dlesson=" + NUMBER);
            return new Recipe(copy.group(1), copy.group(2), module.replace(RECIPE_LESSON, LESSON), marker.group(1), check);
        }

        /** Lesson NN of the copied folder become lesson 99: package, package folders, module name. */
        String renamed(String text) {
            return text.replace("course.lesson" + sourceNumber, "course.lesson" + NUMBER)
                    .replace("course/lesson" + sourceNumber, "course/lesson" + NUMBER)
                    .replace(source, LESSON);
        }
    }

    /**
     * The recipe's command, offline ({@code -o}) only when the Maven run that runs this test is: on a fresh CI
     * runner the course's build runs online, and the nested build may need a plugin it has not fetched yet.
     * Maven's launcher exports its arguments as MAVEN_CMD_LINE_ARGS; without it (an IDE), the command as written.
     */
    private static String[] asTheOuterBuildRuns(String[] command) {
        String outer = System.getenv("MAVEN_CMD_LINE_ARGS");
        if (outer == null || Arrays.stream(outer.strip().split("\\s+")).anyMatch(a -> a.equals("-o") || a.equals("--offline"))) {
            return command;
        }
        return Arrays.stream(command).filter(a -> !a.equals("-o") && !a.equals("--offline")).toArray(String[]::new);
    }

    /**
     * The course as the build of lesson 99 reads it: the root pom and {@code .mvn} (which makes the copy
     * the build's course root), the grader's and the demos' sources (compiled into every lesson), the
     * solutions build and its catalogue runner (no other lesson's reference), and every other module as its pom alone.
     */
    private static void copyWhatTheBuildReads(Path course) throws IOException {
        Files.copy(ROOT.resolve("pom.xml"), course.resolve("pom.xml"));
        copyTree(ROOT.resolve(".mvn"), course.resolve(".mvn"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            Path module = course.resolve(modules.group(1));
            Files.createDirectories(module);
            Files.copy(ROOT.resolve(modules.group(1)).resolve("pom.xml"), module.resolve("pom.xml"));
        }
        copyTree(ROOT.resolve("grader/src/main"), course.resolve("grader/src/main"));
        copyTree(ROOT.resolve("shared/src/main"), course.resolve("shared/src/main"));
        copyTree(ROOT.resolve("solutions/src/catalogue-runner"), course.resolve("solutions/src/catalogue-runner"));
        Files.createDirectories(course.resolve("solutions/src/main/java"));   // the other lessons' references: left out
    }

    /**
     * Copies the files of a folder, renaming lesson 02 to 99 as steps 1 and 2 say: no target/, the
     * {@code course/lesson02} folders moved, {@code course.lesson02}, {@code course/lesson02} and the module's
     * name replaced in every text file. Also lays the reference of step 4 (lesson 02's, renamed).
     */
    private static void copyRenamed(Recipe recipe, Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !from.relativize(p).startsWith("target")).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(recipe.renamed(from.relativize(file).toString().replace('\\', '/')));
            Files.createDirectories(target.getParent());
            byte[] bytes = Files.readAllBytes(file);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                Files.writeString(target, recipe.renamed(text), StandardCharsets.UTF_8);
            } catch (CharacterCodingException binary) {
                Files.write(target, bytes);
            }
        }
    }

    /** Copies a folder as it is. */
    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }
}
