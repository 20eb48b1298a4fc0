package course.grading.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two halves of {@code autograder/run_autograder} that are easier in Java than in a shell:
 *
 * <pre>
 * take    &lt;submission&gt; &lt;work&gt;                  copy the student's lesson sources into the pristine copy
 * collect &lt;work&gt; &lt;templates&gt; &lt;results.json&gt;   join the lessons' results; a lesson that did not build gets 0
 * </pre>
 *
 * <p>Only files a student is meant to edit are taken: {@code lesson-NN-…/src/main/java/**.java},
 * wherever the lesson folder sits in the submission (a whole repository, a zip of some lessons,
 * a nested folder). Tests, poms and everything else come from the course's own copy.
 */
public final class Gradescope {
    private static final Pattern STUDENT_FILE = Pattern.compile("(?:^|.*/)(lesson-\\d\\d-[^/]+)/src/main/java/(.+\\.java)$");
    private static final String TAKEN_LOG = "target/grading/submission.txt";

    private Gradescope() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "take" -> take(Path.of(args[1]), Path.of(args[2]));
            case "collect" -> collect(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("usage: Gradescope take|collect …");
        }
    }

    /** Copies the submission's lesson sources over the work copy; prints and records what it did. */
    static void take(Path submission, Path work) throws IOException {
        List<String> taken = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(submission)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String path = submission.relativize(file).toString().replace('\\', '/');
            Matcher m = STUDENT_FILE.matcher(path);
            if (path.contains("/.git/") || path.startsWith(".git/")) {
                continue;
            }
            if (m.matches() && Files.isDirectory(work.resolve(m.group(1)))) {
                Path target = work.resolve(m.group(1)).resolve("src/main/java").resolve(m.group(2));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                taken.add(path);
            } else {
                ignored.add(path);
            }
        }
        List<String> log = new ArrayList<>();
        log.add("Taken from the submission (" + taken.size() + " files, graded against the course's own tests):");
        taken.forEach(p -> log.add("  " + p));
        log.add("Ignored (" + ignored.size() + " files: only lesson-NN-*/src/main/java/**/*.java is graded):");
        ignored.forEach(p -> log.add("  " + p));
        log.forEach(System.out::println);
        Path record = work.resolve(TAKEN_LOG);
        Files.createDirectories(record.getParent());
        Files.write(record, log, StandardCharsets.UTF_8);
    }

    /**
     * Joins every lesson's results into Gradescope's results.json. A lesson whose build broke
     * (most often: the code does not compile) has no results of its own: it gets the starter's
     * list of tests, each with 0 points and the reason.
     */
    static void collect(Path work, Path templates, Path out) throws IOException {
        List<Path> fragments = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Path scratch = Files.createTempDirectory("grading-fragments");
        List<Path> lessons;
        try (Stream<Path> dirs = Files.list(work)) {
            lessons = dirs.filter(d -> d.getFileName().toString().matches("lesson-\\d\\d-.+")).sorted().toList();
        }
        for (Path lesson : lessons) {
            String name = lesson.getFileName().toString();
            Path own = lesson.resolve("target/grading").resolve(Fragments.FILE);
            Path template = templates.resolve(name + ".lines");
            if (Files.exists(own)) {
                fragments.add(own);
            } else if (Files.exists(template)) {
                broken.add(name);
                Path zeroed = scratch.resolve(name + ".lines");
                Files.write(zeroed, zeroed(Files.readAllLines(template, StandardCharsets.UTF_8),
                        name + " did not build, so none of its tests ran: does your code compile? "
                                + "Compile it with mvn test -pl " + name + " and fix the first error."), StandardCharsets.UTF_8);
                fragments.add(zeroed);
            }
        }
        StringBuilder note = new StringBuilder();
        if (!broken.isEmpty()) {
            note.append("Not graded (the build failed): ").append(String.join(", ", broken)).append("\n");
        }
        Path taken = work.resolve(TAKEN_LOG);
        if (Files.exists(taken)) {
            note.append(String.join("\n", Files.readAllLines(taken, StandardCharsets.UTF_8))).append("\n");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Fragments.combine(fragments, note.toString()), StandardCharsets.UTF_8);
    }

    /** A fragment with every score 0 and every output the reason. */
    static List<String> zeroed(List<String> fragment, String reason) {
        List<String> lines = new ArrayList<>();
        String[] head = fragment.get(0).split("\t");
        lines.add("0\t" + head[1] + "\t" + head[2]);
        String output = Json.writeLine(reason);
        for (String test : fragment.subList(1, fragment.size())) {
            lines.add(test.replaceFirst("\"score\": [0-9.]+,", "\"score\": 0,")
                    .replaceFirst("\"status\": \"\\w+\",", "\"status\": \"failed\",")
                    .replaceFirst("\"output\": \"(?:[^\"\\\\]|\\\\.)*\"", Matcher.quoteReplacement("\"output\": " + output)));
        }
        return lines;
    }
}
