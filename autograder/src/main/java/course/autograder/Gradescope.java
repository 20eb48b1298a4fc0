package course.autograder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two halves of {@code autograder/run_autograder} that are easier in Java than in a shell:
 *
 * <pre>
 * take    &lt;submission&gt; &lt;work&gt;                              copy the student's lesson sources into the pristine copy
 * collect &lt;work&gt; &lt;templates&gt; &lt;build.log&gt; &lt;results.json&gt;   join the lessons' results.json into Gradescope's
 * </pre>
 *
 * <p>Only files a student is meant to edit are taken: {@code lesson-NN-…/src/main/java/**.java},
 * wherever the lesson folder sits in the submission (a whole repository, a zip of some lessons,
 * a nested folder). Tests, poms and everything else come from the course's own copy; a file of
 * the course that the submission changed is named as "changed, ignored".
 *
 * <p>A lesson that does not compile has no results of its own: it gets the starter's list of
 * tests (the templates {@code setup.sh} keeps), each with 0 points and the compiler's first
 * errors, taken from the build log.
 */
public final class Gradescope {
    private static final Pattern STUDENT_FILE = Pattern.compile("(?:^|.*/)(lesson-\\d\\d-[^/]+)/src/main/java/(.+\\.java)$");
    private static final Pattern LESSON_DIR = Pattern.compile("^(.*/)?(lesson-\\d\\d-[^/]+)/.*");
    /** {@code [ERROR] /abs/path/lesson-01-x/src/main/java/a/B.java:[12,5] message}, as maven-compiler-plugin logs it. */
    private static final Pattern COMPILER_ERROR = Pattern.compile(
            "^\\[ERROR\\] (?:.*/)?(lesson-\\d\\d-[^/]+)/(src/[^:\\[]+\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
    private static final String TAKEN = "target/grading/submission.json";
    /**
     * Checksums of every file of the student edition ({@code sha256sum} format), carried in the
     * autograder's zip: a submission's file is "changed" when it differs from what students got.
     */
    static final String EDITION = "autograder/student-edition.sha256";
    static final int MAX_ERRORS = 5;
    static final int MAX_ERROR_CHARS = 300;
    static final int MAX_LISTED = 10;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Gradescope() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length > 0 ? args[0] : "") {
            case "take" -> take(Path.of(args[1]), Path.of(args[2]));
            case "collect" -> collect(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "checksums" -> checksums(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException(
                    "usage: Gradescope take <submission> <work> | collect <work> <templates> <build.log> <results.json>"
                            + " | checksums <student edition> <out>");
        }
    }

    /** What {@link #take} did with the submission's files. */
    record Taken(List<String> taken, List<String> changedIgnored, List<String> notInCourse) {
    }

    // ---------------------------------------------------------------- take

    /** Copies the submission's lesson sources over the work copy; prints and records what it did. */
    static Taken take(Path submission, Path work) throws IOException {
        List<String> paths;
        try (Stream<Path> walk = Files.walk(submission)) {
            paths = walk.filter(Files::isRegularFile)
                    .map(f -> submission.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/.git/"))
                    .sorted().toList();
        }
        String prefix = coursePrefix(paths, work);
        Map<String, String> edition = edition(work);
        Set<String> support = support(work);
        Taken result = new Taken(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String path : paths) {
            Path file = submission.resolve(path);
            Matcher m = STUDENT_FILE.matcher(path);
            String supportFile = m.matches() ? m.group(1) + "/src/main/java/" + m.group(2) : null;
            if (supportFile != null && support.contains(supportFile)) {
                // Support code the tests rely on (listed in grading.sha256) is the course's, like the tests.
                if (!sameText(file, work.resolve(supportFile))) {
                    result.changedIgnored().add(supportFile);
                }
                continue;
            }
            if (m.matches() && Files.isDirectory(work.resolve(m.group(1)))) {
                Path target = work.resolve(m.group(1)).resolve("src/main/java").resolve(m.group(2));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                result.taken().add(path);
                continue;
            }
            String inCourse = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            Path ours = inCourse == null ? null : work.resolve(inCourse);
            if (inCourse != null && edition != null && edition.containsKey(inCourse)) {
                if (!edition.get(inCourse).equals(sha256(withoutCr(Files.readAllBytes(file))))) {
                    result.changedIgnored().add(inCourse);
                }
            } else if (edition == null && ours != null && Files.isRegularFile(ours)
                    && !inCourse.contains("/target/") && !inCourse.startsWith("target/")) {
                if (!sameText(file, ours)) {
                    result.changedIgnored().add(inCourse);
                }
            } else if (!isBuildOutput(path)) {
                result.notInCourse().add(path);
            }
        }
        // Build files first (few, and they matter most), then tests, each in path order.
        result.changedIgnored().sort(java.util.Comparator.comparing((String p) -> p.contains("/src/test/")
                || p.contains("/src/hidden-test/")).thenComparing(p -> p));
        System.out.println("Taken from the submission: " + result.taken().size()
                + " files (lesson-NN-*/src/main/java/**/*.java), graded against the course's own tests and build.");
        result.taken().forEach(p -> System.out.println("  " + p));
        System.out.println("Changed, ignored (grading uses the course's own copy): " + result.changedIgnored().size());
        result.changedIgnored().forEach(p -> System.out.println("  " + p));
        System.out.println("Not part of the course, ignored: " + result.notInCourse().size());
        result.notInCourse().forEach(p -> System.out.println("  " + p));
        Path record = work.resolve(TAKEN);
        Files.createDirectories(record.getParent());
        Files.writeString(record, GSON.toJson(result), StandardCharsets.UTF_8);
        return result;
    }

    /** Writes the checksums of every file of a student edition (line endings aside), for {@link #EDITION}. */
    static void checksums(Path edition, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(edition)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = edition.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith(".git/")) {
                    lines.add(sha256(withoutCr(Files.readAllBytes(file))) + "  " + path);
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    /**
     * The lessons' support code: the {@code lesson-NN-…/src/main/java} files that the course's
     * {@code grading.sha256} lists (they carry the mark "you do not edit it.").
     */
    private static Set<String> support(Path work) throws IOException {
        Path file = work.resolve("grading.sha256");
        Set<String> support = new java.util.HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.length() > 66 && line.substring(66).matches("lesson-\\d\\d-[^/]+/src/main/java/.+\\.java")) {
                    support.add(line.substring(66));
                }
            }
        }
        return support;
    }

    /** The student edition's checksums by path, or null when the zip has none. */
    private static Map<String, String> edition(Path work) throws IOException {
        Path file = work.resolve(EDITION);
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.length() > 66) {
                sums.put(line.substring(66), line.substring(0, 64));
            }
        }
        return sums;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of the submission that holds the course (its lesson folders), "" or "a/b/". */
    private static String coursePrefix(List<String> paths, Path work) {
        Map<String, Integer> votes = new HashMap<>();
        for (String path : paths) {
            Matcher m = LESSON_DIR.matcher(path);
            if (m.matches() && Files.isDirectory(work.resolve(m.group(2)))) {
                votes.merge(m.group(1) == null ? "" : m.group(1), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(e -> -e.getKey().length()))
                .map(Map.Entry::getKey).orElse("");
    }

    private static boolean isBuildOutput(String path) {
        return path.startsWith("target/") || path.contains("/target/") || path.contains("/.idea/")
                || path.startsWith(".idea/") || path.endsWith(".class") || path.endsWith(".DS_Store");
    }

    /** Same content, line endings aside (a Windows checkout is not a change). */
    private static boolean sameText(Path a, Path b) throws IOException {
        return Arrays.equals(withoutCr(Files.readAllBytes(a)), withoutCr(Files.readAllBytes(b)));
    }

    private static byte[] withoutCr(byte[] bytes) {
        int n = 0;
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                out[n++] = bytes[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    // ---------------------------------------------------------------- collect

    /** A compiler error of a lesson, as the build log shows it. */
    record CompilerError(String lesson, String file, int line, int column, String message) {
        boolean inStudentCode() {
            return file.startsWith("src/main/");
        }

        String describe() {
            String text = file + ":" + line + ":" + column + ": " + message;
            return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS - 1) + "…" : text;
        }
    }

    /** Every compiler error in the build log, by lesson, in the order javac gave them. */
    static Map<String, List<CompilerError>> compilerErrors(List<String> log) {
        Map<String, List<CompilerError>> byLesson = new LinkedHashMap<>();
        for (int i = 0; i < log.size(); i++) {
            Matcher m = COMPILER_ERROR.matcher(log.get(i));
            if (!m.matches()) {
                continue;
            }
            StringBuilder message = new StringBuilder(m.group(5).strip());
            // javac's detail lines ("  symbol:   class Job", "  location: …") follow, indented
            while (i + 1 < log.size() && log.get(i + 1).startsWith("  ") && !log.get(i + 1).isBlank()) {
                message.append(message.isEmpty() ? "" : "; ").append(log.get(++i).strip().replaceAll("\\s+", " "));
            }
            byLesson.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new CompilerError(m.group(1), m.group(2),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), message.toString()));
        }
        return byLesson;
    }

    /** What a student reads on each test of a lesson that does not compile. */
    static String notCompiled(String lesson, List<CompilerError> errors) {
        List<CompilerError> own = errors.stream().filter(CompilerError::inStudentCode).toList();
        List<CompilerError> shown = own.isEmpty() ? errors : own;
        StringBuilder text = new StringBuilder();
        if (own.isEmpty()) {
            text.append(lesson).append(": your code compiles, but the course's tests do not compile against it, so none"
                    + " of its tests ran (0 points each). A class, method or signature the tests use is missing or"
                    + " was changed. The compiler's first errors, in the tests:\n");
        } else {
            text.append(lesson).append(" does not compile, so none of its tests ran (0 points each)."
                    + " The compiler's first errors:\n");
        }
        shown.stream().limit(MAX_ERRORS).forEach(e -> text.append("  ").append(e.describe()).append('\n'));
        if (shown.size() > MAX_ERRORS) {
            text.append("  … and ").append(shown.size() - MAX_ERRORS).append(" more\n");
        }
        text.append("Fix them, then check on your machine: ./mvnw test -pl ").append(lesson);
        return text.toString();
    }

    /**
     * Joins every lesson's results.json into Gradescope's results.json. A lesson with compiler
     * errors in the build log, or without results, gets the starter's tests, each 0 with the reason.
     */
    static JsonObject collect(Path work, Path templates, Path buildLog, Path out) throws IOException {
        List<String> log = Files.exists(buildLog) ? Files.readAllLines(buildLog, StandardCharsets.UTF_8) : List.of();
        Map<String, List<CompilerError>> errors = compilerErrors(log);
        List<Path> lessons;
        try (Stream<Path> dirs = Files.list(work)) {
            lessons = dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().matches("lesson-\\d\\d-.+"))
                    .sorted().toList();
        }
        JsonArray tests = new JsonArray();
        List<String> lines = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        double score = 0;
        double max = 0;
        double hidden = 0;
        for (Path lesson : lessons) {
            String name = lesson.getFileName().toString();
            Path own = lesson.resolve("target/grading/results.json");
            Path template = templates.resolve(name + ".json");
            JsonArray lessonTests;
            List<CompilerError> lessonErrors = errors.getOrDefault(name, List.of());
            if (lessonErrors.isEmpty() && Files.exists(own)) {
                lessonTests = read(own).getAsJsonArray("tests");
            } else if (Files.exists(template)) {
                String reason = lessonErrors.isEmpty()
                        ? name + " was not graded: its build stopped before its tests ran (0 points each)."
                        + " This is most likely not your fault: tell your instructor."
                        + lessonLogErrors(log, name)
                        : notCompiled(name, lessonErrors);
                lessonTests = zeroed(read(template).getAsJsonArray("tests"), reason);
                broken.add(name);
            } else {
                continue;
            }
            double lessonScore = 0;
            double lessonMax = 0;
            for (JsonElement t : lessonTests) {
                JsonObject test = t.getAsJsonObject();
                lessonScore += test.get("score").getAsDouble();
                lessonMax += test.get("max_score").getAsDouble();
                if (test.has("visibility") && !test.get("visibility").getAsString().equals("visible")) {
                    hidden += test.get("max_score").getAsDouble();
                }
                tests.add(test);
            }
            score += lessonScore;
            max += lessonMax;
            lines.add(String.format(Locale.ROOT, "  %-28s %9s%s", name, number(lessonScore) + "/" + number(lessonMax),
                    broken.contains(name) ? "  does not compile: see its tests" : ""));
        }

        JsonObject results = new JsonObject();
        results.addProperty("score", score);
        results.addProperty("max_score", max);
        results.addProperty("output", summary(score, max, hidden, broken, lines, taken(work)));
        results.addProperty("visibility", "visible");
        results.addProperty("stdout_visibility", "hidden");
        results.add("tests", tests);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, GSON.toJson(results) + "\n", StandardCharsets.UTF_8);
        return results;
    }

    private static String summary(double score, double max, double hidden, List<String> broken, List<String> lessons,
                                  Taken taken) {
        StringBuilder text = new StringBuilder();
        text.append("Score: ").append(number(score)).append('/').append(number(max)).append(" points");
        if (hidden > 0) {
            text.append(" (").append(number(hidden)).append(" of them from hidden tests, shown once grades are published)");
        }
        text.append(".\n");
        if (!broken.isEmpty()) {
            text.append("Does not compile: ").append(String.join(", ", broken))
                    .append(". Each of its tests shows the compiler's first errors; fix those first.\n");
        }
        if (score < max) {
            text.append("What to do: every test below that lost points says what is wrong. Fix one exercise at a time"
                    + " and check it on your machine with ./mvnw test -pl <lesson> -Dtest=<ExerciseTest>.\n");
        }
        text.append('\n').append(String.join("\n", lessons)).append('\n');
        if (taken != null) {
            text.append('\n').append("Graded: ").append(taken.taken().size())
                    .append(" files of yours from lesson-NN-*/src/main/java, against the course's own tests and build.\n");
            if (!taken.changedIgnored().isEmpty()) {
                text.append("Changed, ignored (grading uses the course's own copy of these): ")
                        .append(listed(taken.changedIgnored())).append('\n');
            }
            if (!taken.notInCourse().isEmpty()) {
                text.append("Not part of the course, ignored: ").append(listed(taken.notInCourse())).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static String listed(List<String> paths) {
        String shown = String.join(", ", paths.subList(0, Math.min(MAX_LISTED, paths.size())));
        return paths.size() > MAX_LISTED ? shown + " … and " + (paths.size() - MAX_LISTED) + " more" : shown;
    }

    /** The lesson's own [ERROR] lines of the build log, bounded, for a build that broke otherwise. */
    private static String lessonLogErrors(List<String> log, String lesson) {
        List<String> mine = log.stream().filter(l -> l.startsWith("[ERROR]") && l.contains(lesson))
                .limit(MAX_ERRORS).map(l -> "\n  " + (l.length() > MAX_ERROR_CHARS ? l.substring(0, MAX_ERROR_CHARS) + "…" : l))
                .toList();
        return String.join("", mine);
    }

    private static Taken taken(Path work) throws IOException {
        Path record = work.resolve(TAKEN);
        return Files.exists(record) ? GSON.fromJson(Files.readString(record, StandardCharsets.UTF_8), Taken.class) : null;
    }

    private static JsonObject read(Path json) throws IOException {
        return JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The template's tests, every score 0, every output the reason. */
    static JsonArray zeroed(JsonArray template, String reason) {
        JsonArray tests = new JsonArray();
        for (JsonElement t : template) {
            JsonObject test = t.getAsJsonObject().deepCopy();
            test.addProperty("score", 0.0);
            test.addProperty("status", "failed");
            test.addProperty("output", reason);
            tests.add(test);
        }
        return tests;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
