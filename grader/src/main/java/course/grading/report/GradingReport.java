package course.grading.report;

import course.grading.Failures;
import course.grading.Manifest;
import course.grading.Outcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs after a module's tests (exec-maven-plugin, in the Maven JVM): scores every graded test
 * from what the test JVMs recorded, prints the points table, writes Gradescope's
 * {@code results.json}, and gives the verdict of the mode.
 *
 * <table>
 *   <caption>Modes</caption>
 *   <tr><th>mode</th><th>who</th><th>fails the build when</th></tr>
 *   <tr><td>student</td><td>{@code mvn test}</td><td>any test fails (the student has work to do)</td></tr>
 *   <tr><td>grade</td><td>{@code -Pgrade}</td><td>never for failing tests; only when grading itself broke</td></tr>
 *   <tr><td>starter</td><td>{@code -Pinstructor}, lessons</td><td>a graded test passes on the starter, fails
 *       for a wrong reason, has no points, or the README's exercise table disagrees</td></tr>
 *   <tr><td>reference</td><td>{@code -Pinstructor}, solutions</td><td>a graded test fails on the reference</td></tr>
 * </table>
 */
public final class GradingReport {
    static final int NAME_WIDTH = 56;
    static final int REASON_WIDTH = 200;

    private final Map<String, String> args;
    private final PrintStream out;

    GradingReport(Map<String, String> args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> problems = new GradingReport(args, out).run();
        if (!problems.isEmpty()) {
            throw new GradingFailure(String.join("\n", problems));
        }
    }

    /** Thrown to fail the build; exec-maven-plugin prints its message. */
    static final class GradingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GradingFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Reports, and returns the problems that must fail the build in this mode. */
    List<String> run() throws IOException {
        String mode = args.getOrDefault("mode", "student");
        String module = args.get("module");
        Path dir = Path.of(args.get("dir"));
        String session = args.get("session");
        String lessonFilter = args.getOrDefault("lesson", "*");
        String testFilter = args.getOrDefault("test", "");
        boolean filtered = !testFilter.isBlank() && !testFilter.startsWith("${");

        String classPattern = lessonFilter.equals("*") || lessonFilter.startsWith("${")
                ? "^course\\..*" : "^course\\.lesson" + lessonFilter + "\\..*";
        List<GradedTest> discovered = GradedTest.discover(Path.of(args.get("test-classes")), classPattern);
        TestEvents events = TestEvents.read(dir.resolve("sessions").resolve(session));
        List<GradedTest> graded = filtered
                ? discovered.stream().filter(t -> events.classReported(t.uniqueId())).toList()
                : discovered;

        List<String> problems = new ArrayList<>();
        if (graded.isEmpty() && !filtered && !module.equals("solutions") && !mode.equals("starter")) {
            ReadmeTable table = ReadmeTable.read(Path.of(args.get("basedir")).resolve("README.md"));
            if (!table.pointsByTestClass().isEmpty()) {
                return notCompiled(module, mode, dir, session, table);
            }
        }
        if (graded.isEmpty()) {
            out.println();
            out.println(filtered ? "[grading] " + module + ": no graded test matched -Dtest=" + testFilter
                    : "[grading] " + module + ": no graded tests");
            if (!filtered && (mode.equals("starter") || mode.equals("reference"))) {
                problems.add(module + " has no graded tests");
            }
            return problems;
        }

        Map<String, List<Result>> byLesson = new TreeMap<>();
        for (GradedTest test : graded) {
            byLesson.computeIfAbsent(test.lesson(), k -> new ArrayList<>()).add(Result.of(test, events));
        }
        List<Map<String, Object>> jsonTests = new ArrayList<>();
        double score = 0;
        double max = 0;
        for (var lesson : byLesson.entrySet()) {
            String lessonName = byLesson.size() == 1 && !module.equals("solutions") ? module : lessonModule(lesson.getKey());
            List<Result> results = lesson.getValue();
            results.sort(Comparator.comparing((Result r) -> exerciseNumber(r.test().exercise()))
                    .thenComparing(r -> r.test().exercise()));
            printTable(lessonName, results);
            for (Result r : results) {
                jsonTests.add(jsonTest(lessonName, r, isHidden(lessonName, r.test())));
                score += r.earned();
                max += r.test().points();
            }
            problems.addAll(switch (mode) {
                case "starter" -> starterProblems(lessonName, results, filtered);
                case "reference" -> referenceProblems(lessonName, results);
                case "student" -> studentProblems(lessonName, results);
                default -> List.of();
            });
        }
        String summary = module + ": " + Json.number(score) + "/" + Json.number(max) + " points";
        if (mode.equals("grade") && !module.equals("solutions")) {
            List<String> tampered = Manifest.check(Path.of(args.get("root")), module);
            if (!tampered.isEmpty()) {
                String warning = "graded files differ from the course's checksums (" + Manifest.FILE
                        + "): " + String.join(", ", tampered);
                out.println();
                out.println("[grading] WARNING: " + warning);
                summary += "\nWARNING: " + warning;
            }
        }
        publish(module, mode, dir, session, score, max, summary, jsonTests);
        out.println();
        switch (mode) {
            case "starter" -> {
                if (problems.isEmpty()) {
                    out.println("[grading] starter check passed: all " + graded.size()
                            + " graded tests fail on the starter for the right reason.");
                }
            }
            case "reference" -> {
                if (problems.isEmpty()) {
                    out.println("[grading] reference check passed: all " + graded.size()
                            + " graded tests pass on the reference.");
                }
            }
            default -> {
                // the table said it all
            }
        }
        return problems;
    }

    /**
     * No test was compiled although the lesson has exercises: the code does not compile. Every
     * exercise of the README's table gets 0 of its points, with the reason.
     */
    private List<String> notCompiled(String module, String mode, Path dir, String session, ReadmeTable table)
            throws IOException {
        String reason = "your code does not compile, so no test of " + module + " ran: fix the first compiler"
                + " error shown above (mvn test -pl " + module + " shows them too)";
        out.println();
        out.println("Points · " + module);
        out.println("-".repeat(NAME_WIDTH + 12));
        List<Map<String, Object>> tests = new ArrayList<>();
        int max = 0;
        for (var row : table.pointsByTestClass().entrySet()) {
            String title = table.titleByTestClass().get(row.getKey());
            out.println(pad(title, NAME_WIDTH) + " " + String.format("%9s", "0/" + row.getValue())
                    + "  " + Failures.firstLine(reason, REASON_WIDTH));
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", module + " › " + title);
            test.put("score", 0.0);
            test.put("max_score", (double) row.getValue());
            test.put("status", "failed");
            test.put("output", reason);
            test.put("visibility", "visible");
            tests.add(test);
            max += row.getValue();
        }
        out.println("-".repeat(NAME_WIDTH + 12));
        out.println(pad(module, NAME_WIDTH) + " " + String.format("%9s", "0/" + max) + " points");
        publish(module, mode, dir, session, 0, max, module + ": 0/" + max + " points (does not compile)", tests);
        return mode.equals("grade") ? List.of() : List.of(module + " does not compile");
    }

    /** Writes the module's results.json and fragment, and in a grade run the course's results. */
    private void publish(String module, String mode, Path dir, String session, double score, double max,
                         String summary, List<Map<String, Object>> tests) throws IOException {
        writeResults(dir.resolve("results.json"), score, max, summary, tests);
        List<String> fragment = Fragments.of(module, score, max, tests);
        Files.write(dir.resolve(Fragments.FILE), fragment, StandardCharsets.UTF_8);
        if (mode.equals("grade")) {
            writeCourseResults(module, session, fragment);
        }
    }

    private String lessonModule(String lessonPackage) throws IOException {
        String number = lessonPackage.substring(lessonPackage.length() - 2);
        Path root = Path.of(args.get("root"));
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("lesson-" + number + "-"))
                    .findFirst().orElse(lessonPackage);
        }
    }

    // ---------------------------------------------------------------- the table

    private void printTable(String lesson, List<Result> results) {
        Map<String, List<Result>> byExercise = results.stream()
                .collect(Collectors.groupingBy(r -> r.test().exerciseClass(), LinkedHashMap::new, Collectors.toList()));
        List<List<Result>> exercises = byExercise.values().stream()
                .sorted(Comparator.comparing((List<Result> rs) -> exerciseNumber(rs.get(0).test().exercise()))
                        .thenComparing(rs -> rs.get(0).test().exercise()))
                .toList();
        double earned = 0;
        int possible = 0;
        out.println();
        out.println("Points · " + lesson);
        out.println("-".repeat(NAME_WIDTH + 12));
        for (List<Result> exercise : exercises) {
            double e = exercise.stream().mapToDouble(Result::earned).sum();
            int p = exercise.stream().mapToInt(r -> r.test().points()).sum();
            earned += e;
            possible += p;
            String reason = exercise.stream().filter(r -> !r.passed()).findFirst()
                    .map(r -> "  " + Failures.firstLine(r.message(), REASON_WIDTH)).orElse("");
            out.println(pad(exercise.get(0).test().exercise(), NAME_WIDTH) + " "
                    + String.format("%9s", Json.number(e) + "/" + p) + reason);
        }
        out.println("-".repeat(NAME_WIDTH + 12));
        out.println(pad(lesson, NAME_WIDTH) + " " + String.format("%9s", Json.number(earned) + "/" + possible) + " points");
    }

    private static int exerciseNumber(String displayName) {
        var m = java.util.regex.Pattern.compile("(\\d+)").matcher(displayName);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static String pad(String text, int width) {
        String cut = text.length() > width ? text.substring(0, width - 1) + "…" : text;
        return cut + " ".repeat(width - cut.length());
    }

    // ---------------------------------------------------------------- verdicts

    private List<String> studentProblems(String lesson, List<Result> results) {
        long failing = results.stream().filter(r -> !r.passed()).count();
        if (failing == 0) {
            return List.of();
        }
        double earned = results.stream().mapToDouble(Result::earned).sum();
        int possible = results.stream().mapToInt(r -> r.test().points()).sum();
        return List.of(lesson + ": " + Json.number(earned) + "/" + possible + " points, " + failing
                + " test(s) failing. Each failure above says what is wrong; fix one exercise at a time"
                + " (mvn test -pl " + lesson + " -Dtest=<ExerciseTest>).");
    }

    private List<String> referenceProblems(String lesson, List<Result> results) {
        List<String> problems = new ArrayList<>(pointlessTests(lesson, results));
        for (Result r : results) {
            if (!r.passed()) {
                problems.add(lesson + ": fails on the reference: " + r.test().exercise() + " › " + r.test().name()
                        + ": " + Failures.firstLine(r.message(), 300));
            }
        }
        return problems;
    }

    private List<String> starterProblems(String lesson, List<Result> results, boolean filtered) throws IOException {
        List<String> problems = new ArrayList<>(pointlessTests(lesson, results));
        Set<Outcome> rightReasons = Set.of(Outcome.ASSERTION, Outcome.NOT_IMPLEMENTED);
        for (Result r : results) {
            String where = lesson + ": " + r.test().exercise() + " › " + r.test().name();
            if (r.outcomes().contains(Outcome.PASSED)) {
                problems.add(where + ": passes on the starter (a test that cannot fail is a defect)");
            } else if (!rightReasons.containsAll(r.outcomes())) {
                problems.add(where + ": fails on the starter for a wrong reason (" + r.outcome().word() + "): "
                        + Failures.firstLine(r.message(), 300));
            }
        }
        if (!filtered) {
            problems.addAll(readmeProblems(lesson, results));
        }
        return problems;
    }

    private static List<String> pointlessTests(String lesson, List<Result> results) {
        return results.stream().filter(r -> r.test().points() <= 0)
                .map(r -> lesson + ": " + r.test().exercise() + " › " + r.test().name()
                        + ": carries no points (add @Points to every graded test)")
                .toList();
    }

    private List<String> readmeProblems(String lesson, List<Result> results) throws IOException {
        Path readme = Path.of(args.get("basedir")).resolve("README.md");
        ReadmeTable table = ReadmeTable.read(readme);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> inTests = results.stream().filter(r -> !isHidden(lesson, r.test())).collect(Collectors.groupingBy(
                r -> r.test().exerciseClass().substring(r.test().exerciseClass().lastIndexOf('.') + 1),
                TreeMap::new, Collectors.summingInt(r -> r.test().points())));
        int total = inTests.values().stream().mapToInt(Integer::intValue).sum();
        if (!Files.exists(readme)) {
            return List.of(lesson + ": README.md is missing");
        }
        for (var e : inTests.entrySet()) {
            Integer documented = table.pointsByTestClass().get(e.getKey());
            if (documented == null) {
                problems.add(lesson + ": README's exercise table has no row for `" + e.getKey() + "` (" + e.getValue() + " points)");
            } else if (documented.intValue() != e.getValue()) {
                problems.add(lesson + ": README says `" + e.getKey() + "` is worth " + documented
                        + " points, its tests carry " + e.getValue());
            }
        }
        table.pointsByTestClass().keySet().stream().filter(name -> !inTests.containsKey(name))
                .forEach(name -> problems.add(lesson + ": README's exercise table lists `" + name + "`, which has no graded tests"));
        if (table.total() == null || table.total() != total) {
            problems.add(lesson + ": README's exercise table total is " + table.total() + ", the tests carry " + total);
        }
        if (total % 10 != 0) {
            problems.add(lesson + ": the lesson's points add up to " + total + ", not a round total (a multiple of 10)");
        }
        return problems;
    }

    // ---------------------------------------------------------------- results.json

    /** A hidden test is one whose source lies in the lesson's src/hidden-test/java. */
    private boolean isHidden(String lesson, GradedTest test) {
        String file = test.exerciseClass().replace('.', '/') + ".java";
        return Files.exists(Path.of(args.get("root"), lesson, "src", "hidden-test", "java", file));
    }

    private static Map<String, Object> jsonTest(String lesson, Result r, boolean hidden) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", lesson + " › " + r.test().exercise() + " › " + r.test().name());
        test.put("score", r.earned());
        test.put("max_score", (double) r.test().points());
        test.put("status", r.passed() ? "passed" : "failed");
        test.put("output", r.passed() ? "" : Failures.bound(r.message(), Failures.MAX_CHARS));
        test.put("visibility", hidden ? "after_published" : "visible");
        return test;
    }

    static void writeResults(Path file, double score, double max, String output, List<Map<String, Object>> tests)
            throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", score);
        results.put("max_score", max);
        results.put("output", output);
        results.put("visibility", "visible");
        results.put("stdout_visibility", "hidden");
        results.put("tests", tests);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(results) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A whole-course grade: each lesson leaves its tests in the session's folder at the root, and
     * the course's results.json is written anew from all of them after every lesson.
     */
    private void writeCourseResults(String module, String session, List<String> fragment) throws IOException {
        Path grading = Path.of(args.get("root"), "target", "grading");
        Path sessionDir = grading.resolve("sessions").resolve(session);
        Files.createDirectories(sessionDir);
        Files.write(sessionDir.resolve(module + ".lines"), fragment, StandardCharsets.UTF_8);
        List<Path> fragments;
        try (Stream<Path> files = Files.list(sessionDir)) {
            fragments = files.filter(p -> p.toString().endsWith(".lines")).sorted().toList();
        }
        Files.writeString(grading.resolve("results.json"), Fragments.combine(fragments, ""), StandardCharsets.UTF_8);
    }
}
