import course.grading.Manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code grading.sha256}: the checksums of everything that decides a grade (see
 * {@link Manifest}), which the grade run compares. Instructor-only: not in the student edition.
 *
 * <pre>{@code java -cp grader/target/classes instructor/tools/WriteManifest.java .}</pre>
 */
public final class WriteManifest {
    private WriteManifest() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        Manifest.current(root).forEach((path, sum) -> lines.add(sum + "  " + path));
        Files.write(root.resolve(Manifest.FILE), lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + root.resolve(Manifest.FILE) + " (" + lines.size() + " files)");
    }
}
