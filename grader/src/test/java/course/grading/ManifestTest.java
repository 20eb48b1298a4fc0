package course.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTest {
    @TempDir
    Path root;

    private void file(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** What the instructor's tool writes: the current checksums in sha256sum format. */
    private static void write(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        Manifest.current(root).forEach((path, sum) -> lines.add(sum + "  " + path));
        Files.write(root.resolve(Manifest.FILE), lines);
    }

    @Test
    @DisplayName("names every changed, deleted and added test and build file, and nothing else")
    void detectsTampering() throws IOException {
        file("pom.xml", "<project/>");
        file("lesson-04-sync/pom.xml", "<project/>");
        file("lesson-04-sync/src/test/java/course/lesson04/ATest.java", "class ATest {}");
        file("lesson-04-sync/src/test/java/course/lesson04/BTest.java", "class BTest {}");
        file("lesson-04-sync/src/main/java/course/lesson04/A.java", "class A {}");
        file("lesson-05-queues/src/test/java/course/lesson05/CTest.java", "class CTest {}");
        write(root);
        assertThat(Manifest.check(root, null)).isEmpty();

        file("lesson-04-sync/src/main/java/course/lesson04/A.java", "class A { int solved; }");
        file("lesson-04-sync/src/test/java/course/lesson04/ATest.java", "class ATest { /* weakened */ }");
        Files.delete(root.resolve("lesson-04-sync/src/test/java/course/lesson04/BTest.java"));
        file("lesson-04-sync/src/test/java/course/lesson04/MyTest.java", "class MyTest {}");
        file("lesson-05-queues/src/test/java/course/lesson05/CTest.java", "class CTest { }");
        file("pom.xml", "<project>\r\n</project>");

        assertThat(Manifest.check(root, "lesson-04-sync")).containsExactlyInAnyOrder(
                "changed: pom.xml",
                "changed: lesson-04-sync/src/test/java/course/lesson04/ATest.java",
                "missing: lesson-04-sync/src/test/java/course/lesson04/BTest.java",
                "added: lesson-04-sync/src/test/java/course/lesson04/MyTest.java");
    }

    @Test
    @DisplayName("Windows line endings alone are not a change")
    void lineEndingsDoNotCount() throws IOException {
        file("lesson-04-sync/src/test/java/ATest.java", "a\nb\n");
        write(root);
        file("lesson-04-sync/src/test/java/ATest.java", "a\r\nb\r\n");
        assertThat(Manifest.check(root, null)).isEmpty();
    }
}
