package course.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checksums of everything that decides a grade and is not the student's to edit: the build files,
 * the grader, every lesson's tests, and the lessons' support code ({@link #SUPPORT_MARK}). The instructor tooling writes {@code grading.sha256} at
 * the course root; the grade run compares and names every file that differs, so a student who
 * edits or deletes a graded test, adds one, or changes a pom gains nothing unseen.
 *
 * <pre>{@code
 * java … course.grading.Manifest .     # lists changed, missing and added files; exit 1 if any
 * }</pre>
 */
public final class Manifest {
    /** The file, at the course root, in {@code sha256sum} format. */
    public static final String FILE = "grading.sha256";

    private Manifest() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[args.length - 1] : ".").toAbsolutePath().normalize();
        List<String> differences = check(root, null);
        differences.forEach(System.out::println);
        if (!differences.isEmpty()) {
            System.exit(1);
        }
        System.out.println("grading files match " + FILE);
    }

    /**
     * What marks a lesson's support code, in its Javadoc: a given class the tests rely on (a worker
     * that reports what it saw, an account that checks its lock). Grading takes it from the course,
     * never from a submission (Gradescope's take, the Classroom workflow), like the tests.
     */
    public static final String SUPPORT_MARK = "you do not edit it.";

    /** Whether a course-relative path is one the manifest guards. */
    static boolean guarded(String path) {
        return path.equals("pom.xml")
                || path.startsWith(".mvn/") || path.equals("mvnw") || path.equals("mvnw.cmd")
                || path.startsWith("grader/src/main/") || path.equals("grader/pom.xml")
                || path.matches("lesson-\\d\\d-[^/]+/pom\\.xml")
                || path.matches("lesson-\\d\\d-[^/]+/src/(test|hidden-test)/.*")
                || path.startsWith("shared/src/main/")
                || path.equals(".github/workflows/classroom.yml") || path.startsWith(".github/classroom/");
    }

    /** Whether a course-relative path is a lesson's support code (see {@link #SUPPORT_MARK}). */
    static boolean support(String path, Path file) throws IOException {
        return path.matches("lesson-\\d\\d-[^/]+/src/main/java/.+\\.java")
                && Files.readString(file, StandardCharsets.UTF_8).contains(SUPPORT_MARK);
    }

    /** The guarded files as they are now, path to checksum, sorted. */
    public static Map<String, String> current(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if ((guarded(path) || support(path, file)) && !path.contains("/target/")) {
                    sums.put(path, sha256(file));
                }
            }
        }
        return sums;
    }

    /** The recorded checksums; empty when there is no manifest. */
    public static Map<String, String> recorded(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        Path file = root.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.length() > 66) {
                    sums.put(line.substring(66), line.substring(0, 64));
                }
            }
        }
        return sums;
    }

    /**
     * Every guarded file that differs from the manifest, as "changed: path", "missing: path" or
     * "added: path". With a lesson (its folder name), only that lesson's files and the shared ones.
     */
    public static List<String> check(Path root, String lesson) throws IOException {
        Map<String, String> recorded = recorded(root);
        if (recorded.isEmpty()) {
            return List.of("missing: " + FILE + " (no checksums to compare with)");
        }
        Map<String, String> now = current(root);
        List<String> differences = new ArrayList<>();
        recorded.forEach((path, sum) -> {
            if (concerns(path, lesson)) {
                String actual = now.get(path);
                if (actual == null) {
                    differences.add("missing: " + path);
                } else if (!actual.equals(sum)) {
                    differences.add("changed: " + path);
                }
            }
        });
        now.keySet().stream().filter(p -> !recorded.containsKey(p) && concerns(p, lesson))
                .forEach(p -> differences.add("added: " + p));
        return differences;
    }

    private static boolean concerns(String path, String lesson) {
        return lesson == null || !path.startsWith("lesson-") || path.startsWith(lesson + "/");
    }

    private static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Line endings do not count: a checkout on Windows must not look tampered with.
            byte[] bytes = Files.readAllBytes(file);
            int length = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                    bytes[length++] = bytes[i];
                }
            }
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
