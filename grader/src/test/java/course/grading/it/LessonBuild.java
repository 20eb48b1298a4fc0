package course.grading.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the broken lesson ({@code grader/src/it/broken-lesson}) in a folder of its own, built
 * with the real Maven the way an autograder or a student would build it. Each IT class has its
 * own copy, so the classes run side by side. {@link #at} builds a folder the caller laid out
 * (NewLessonIT's throw-away course).
 */
final class LessonBuild {
    static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();

    /** What one Maven run printed, how it ended, and the results.json it left. */
    record Run(int exitCode, String output, String results) {
    }

    private final Path work;

    private LessonBuild(Path work) {
        this.work = work;
    }

    /** A fresh copy of the broken lesson in {@code grader/target/it/<name>}. */
    static LessonBuild fresh(String name) throws IOException {
        LessonBuild build = new LessonBuild(ROOT.resolve("grader/target/it").resolve(name));
        copy(ROOT.resolve("grader/src/it/broken-lesson"), build.work);
        return build;
    }

    /** A build of the Maven project in {@code work}, which the caller fills. */
    static LessonBuild at(Path work) {
        return new LessonBuild(work);
    }

    Path work() {
        return work;
    }

    Run maven(String... goals) throws Exception {
        return maven(java.util.Map.of(), goals);
    }

    /** A Maven run with these variables added to its environment. */
    Run maven(java.util.Map<String, String> environment, String... goals) throws Exception {
        List<String> command = new ArrayList<>();
        String mavenHome = System.getProperty("maven.home");
        command.add(mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString());
        command.addAll(List.of("-B", "-ntp", "-f", work.resolve("pom.xml").toString()));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank() && !repo.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process maven = builder.start();
        try {
            String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = maven.waitFor();
            Path results = work.resolve("target/grading/results.json");
            return new Run(exit, output, Files.exists(results) ? Files.readString(results) : "");
        } finally {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        delete(to);
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
