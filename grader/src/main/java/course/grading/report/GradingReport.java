package course.grading.report;

import com.google.gson.JsonObject;
import course.grading.Failures;
import course.grading.Manifest;
import course.grading.Outcome;
import course.grading.gate.Gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The grader's two steps in the Maven JVM (exec-maven-plugin), around the tests:
 *
 * <ol>
 *   <li>{@code --step=gate}, before the tests: removes every earlier result, and runs the
 *       static {@link Gate} over the compiled student classes; its verdict stays in the build's
 *       memory.</li>
 *   <li>{@code --step=report}, after the tests: scores every graded test from the JUnit XML that
 *       the build recorded ({@link Recorded}), prints the points table, writes Gradescope's
 *       {@code results.json}, and gives the verdict of the {@link Mode}.</li>
 * </ol>
 *
 * <p>Its class path holds the grader and its libraries only, never the student's classes; the
 * tests are discovered in a class loader of their own, without running their code.
 */
public final class GradingReport {
    static final int NAME_WIDTH = 56;
    static final int REASON_WIDTH = 200;

    /** The arguments; a key given twice keeps the last value (a profile's mode comes last). */
    record Options(String step, Mode mode, String module, Path basedir, Path root, Path dir, Path reports,
                   Path classes, Path testClasses, String testFilter, String lesson, boolean combined,
                   boolean lastWordIsOurs) {
        static Options parse(String[] argv) {
            Map<String, String> args = new LinkedHashMap<>();
            for (String arg : argv) {
                int eq = arg.indexOf('=');
                args.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String test = args.getOrDefault("test", "");
            String lesson = args.getOrDefault("lesson", "*");
            return new Options(args.getOrDefault("step", "report"), Mode.of(args.getOrDefault("mode", "student")),
                    args.get("module"), Path.of(args.get("basedir")), Path.of(args.get("root")), Path.of(args.get("dir")),
                    Path.of(args.get("reports")), Path.of(args.get("classes")), Path.of(args.get("test-classes")),
                    test.startsWith("${") ? "" : test, lesson.startsWith("${") ? "*" : lesson,
                    Boolean.parseBoolean(args.getOrDefault("combined", "false")),
                    args.getOrDefault("reactor", "").equals("FAIL_FAST/1"));
        }
    }

    private final Options options;
    private final PrintStream out;

    GradingReport(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] argv) throws IOException {
        Options options = Options.parse(argv);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GradingReport report = new GradingReport(options, out);
        if (options.step().equals("gate")) {
            report.gate();
            return;
        }
        List<String> problems = report.report();
        if (problems.isEmpty()) {
            return;
        }
        if (options.mode() == Mode.STUDENT && options.lastWordIsOurs()) {
            // A failing module ends a fail-fast, one-thread build anyway; ending it here spares the
            // student Maven's error block (exception names, "-X", help links) after the verdict.
            out.println("FAILED " + String.join("\n", problems));
            out.flush();
            System.exit(1);
        }
        throw new GradingFailure(String.join("\n", problems));
    }

    /** Thrown to fail the build; exec-maven-plugin prints its message. */
    static final class GradingFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GradingFailure(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- before the tests

    /** Removes earlier results, then runs the static gate and keeps its verdict in the build's memory. */
    void gate() throws IOException {
        deleteTree(options.dir());
        deleteTree(options.reports());
        deleteTree(options.basedir().resolve("target/failsafe-reports"));
        Map<String, List<Gate.Refusal>> refused = new Gate(options.root(), options.basedir())
                .check(options.classes(), options.testClasses(), options.mode() == Mode.GRADE);
        StringBuilder verdict = new StringBuilder();
        refused.forEach((exercise, refusals) -> refusals.forEach(r ->
                verdict.append(exercise).append('\t').append(r.message()).append('\n')));
        BuildMemory.put("gate", options.basedir().toAbsolutePath().normalize().toString(), verdict.toString());
    }

    private Map<String, List<String>> gateVerdict() {
        String verdict = BuildMemory.get("gate", options.basedir().toAbsolutePath().normalize().toString());
        Map<String, List<String>> refusals = new TreeMap<>();
        if (verdict == null) {
            return null;
        }
        for (String line : verdict.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                refusals.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        }
        return refusals;
    }

    // ---------------------------------------------------------------- after the tests

    /** Reports, and returns the problems that must fail the build in this mode. */
    List<String> report() throws IOException {
        Mode mode = options.mode();
        String module = options.module();
        boolean filtered = mode != Mode.GRADE && !options.testFilter().isBlank();
        String classPattern = options.lesson().equals("*") ? "^course\\.lesson\\d\\d\\..*"
                : "^course\\.lesson" + options.lesson() + "\\..*";
        List<GradedTest> graded = Files.isDirectory(options.testClasses())
                ? GradedTest.discover(options.testClasses(), options.classes(), classPattern) : List.of();
        if (filtered) {
            graded = graded.stream().filter(t -> selected(t, options.testFilter())).toList();
        }
        if (graded.isEmpty() && !filtered && !options.combined() && mode != Mode.STARTER) {
            ReadmeTable table = ReadmeTable.read(options.basedir().resolve("README.md"));
            if (!table.pointsByTestClass().isEmpty()) {
                return notCompiled(table);
            }
        }
        List<String> problems = new ArrayList<>();
        if (graded.isEmpty()) {
            out.println();
            out.println(filtered ? "[grading] " + module + ": no graded test matched -Dtest=" + options.testFilter()
                    : "[grading] " + module + ": no graded tests");
            if (!filtered && mode.instructor()) {
                problems.add(module + " has no graded tests");
            }
            return problems;
        }
        Map<String, List<String>> refusals = gateVerdict();
        if (refusals == null) {
            refusals = Map.of();
            if (mode != Mode.STUDENT) {
                problems.add(module + ": the grading gate did not run before the tests");
            }
        }
        Recorded recorded = Recorded.read(options.reports());
        Map<String, List<Result>> byLesson = new TreeMap<>();
        for (GradedTest test : graded) {
            byLesson.computeIfAbsent(test.lesson(), k -> new ArrayList<>()).add(score(test, recorded, refusals));
        }
        if (mode == Mode.REFERENCE && options.lesson().equals("*")) {
            problems.addAll(lessonsWithoutReferenceRun(byLesson.keySet()));
        }
        List<JsonObject> jsonTests = new ArrayList<>();
        double score = 0;
        double max = 0;
        for (var lesson : byLesson.entrySet()) {
            String lessonName = byLesson.size() == 1 && !options.combined() ? module : lessonModule(lesson.getKey());
            List<Result> results = lesson.getValue();
            results.sort(Comparator.comparing((Result r) -> exerciseNumber(r.test().exercise()))
                    .thenComparing(r -> r.test().exercise()));
            printTable(lessonName, results);
            for (Result r : results) {
                jsonTests.add(ResultsFile.test(lessonName + " › " + r.test().exercise() + " › " + r.test().name(),
                        r.earned(), r.test().points(), r.passed(),
                        r.passed() ? "" : Failures.bound(r.message(), Failures.MAX_CHARS), isHidden(lessonName, r.test())));
                score += r.earned();
                max += r.test().points();
            }
            problems.addAll(switch (mode) {
                case STARTER -> Checks.starter(lessonName, results, filtered ? null : options.basedir());
                case REFERENCE -> Checks.reference(lessonName, results, options.basedir());
                case STUDENT -> Checks.student(lessonName, results, filtered);
                case GRADE -> List.of();
            });
        }
        String summary = module + ": " + ResultsFile.text(score) + "/" + ResultsFile.text(max) + " points";
        if (mode == Mode.GRADE && !options.combined()) {
            List<String> tampered = Manifest.check(options.root(), module);
            if (!tampered.isEmpty()) {
                String warning = "graded files differ from the course's checksums (" + Manifest.FILE
                        + "): " + String.join(", ", tampered);
                out.println();
                out.println("[grading] WARNING: " + warning);
                summary += "\nWARNING: " + warning;
            }
        }
        publish(summary, score, max, jsonTests);
        out.println();
        if (problems.isEmpty() && mode.instructor()) {
            out.println(mode == Mode.STARTER
                    ? "[grading] starter check passed: all " + graded.size() + " graded tests fail on the starter for the right reason."
                    : "[grading] reference check passed: all " + graded.size() + " graded tests pass on the reference.");
        }
        return problems;
    }

    /** Every lesson folder with tests must have been graded against the reference. */
    private List<String> lessonsWithoutReferenceRun(java.util.Set<String> graded) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(options.root())) {
            for (Path dir : dirs.sorted().toList()) {
                var m = Pattern.compile("^lesson-(\\d\\d)-.+").matcher(dir.getFileName().toString());
                if (m.matches() && Files.isDirectory(dir.resolve("src/test/java")) && !graded.contains("course.lesson" + m.group(1))) {
                    problems.add(dir.getFileName() + " has no reference run: no graded test of course.lesson" + m.group(1)
                            + " ran against the reference");
                }
            }
        }
        return problems;
    }

    /** A tampered report or the gate's refusal costs the whole exercise; otherwise what the build recorded. */
    private Result score(GradedTest test, Recorded recorded, Map<String, List<String>> refusals) throws IOException {
        var tampered = recorded.tampered(test.exerciseClass());
        if (tampered.isPresent()) {
            return Result.zero(test, Outcome.ERROR, "grading files were tampered with: " + tampered.get());
        }
        List<String> refused = refusals.get(test.exerciseClass());
        if (refused != null) {
            return Result.zero(test, Outcome.ERROR, String.join("\n", refused));
        }
        Path running = options.dir().resolve("running").resolve(test.exerciseClass());
        return Result.of(test, recorded, Files.exists(running) ? Files.readString(running) : null);
    }

    /**
     * Surefire's -Dtest syntax, simply: a comma list of class names or globs, each maybe with
     * {@code #method} globs joined by {@code +} (a test the filter kept from running is not shown).
     */
    static boolean selected(GradedTest test, String filter) {
        for (String part : filter.split(",")) {
            String[] typeAndMethods = part.strip().split("#", 2);
            String type = typeAndMethods[0].replaceAll("\\.java$", "");
            if (type.isEmpty()) {
                continue;
            }
            String regex = glob(type);
            String simple = test.exerciseSimpleName();
            boolean classMatches = simple.matches(regex) || test.exerciseClass().matches(regex)
                    || test.exerciseClass().replace('.', '/').matches(".*" + regex);
            if (classMatches && (typeAndMethods.length == 1 || java.util.Arrays.stream(typeAndMethods[1].split("\\+"))
                    .anyMatch(method -> test.method().matches(glob(method.strip()))))) {
                return true;
            }
        }
        return false;
    }

    private static String glob(String pattern) {
        return Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    }

    /**
     * No test was compiled although the lesson has exercises: the code does not compile. Every
     * exercise of the README's table gets 0 of its points, with the reason.
     */
    private List<String> notCompiled(ReadmeTable table) throws IOException {
        String module = options.module();
        String reason = "your code does not compile, so no test of " + module + " ran: fix the first compiler"
                + " error (mvn test -pl " + module + " shows it)";
        out.println();
        out.println("Points · " + module);
        out.println("-".repeat(NAME_WIDTH + 12));
        List<JsonObject> tests = new ArrayList<>();
        int max = 0;
        for (var row : table.pointsByTestClass().entrySet()) {
            String title = table.titleByTestClass().get(row.getKey());
            out.println(pad(title, NAME_WIDTH) + " " + String.format("%9s", "0/" + row.getValue())
                    + "  " + Failures.firstLine(reason, REASON_WIDTH));
            tests.add(ResultsFile.test(module + " › " + title, 0, row.getValue(), false, reason, false));
            max += row.getValue();
        }
        out.println("-".repeat(NAME_WIDTH + 12));
        out.println(pad(module, NAME_WIDTH) + " " + String.format("%9s", "0/" + max) + " points");
        publish(module + ": 0/" + max + " points (does not compile)", 0, max, tests);
        return options.mode() == Mode.GRADE ? List.of() : List.of(module + " does not compile");
    }

    /** Writes the module's results.json and, in a grade run, the course's. */
    private void publish(String summary, double score, double max, List<JsonObject> tests) throws IOException {
        JsonObject results = ResultsFile.results(score, max, summary, tests);
        ResultsFile.write(options.dir().resolve("results.json"), results);
        if (options.mode() == Mode.GRADE) {
            ResultsFile.addToCourse(options.root(), options.module(), results);
        }
    }

    private String lessonModule(String lessonPackage) throws IOException {
        String number = lessonPackage.substring(lessonPackage.length() - 2);
        try (Stream<Path> dirs = Files.list(options.root())) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("lesson-" + number + "-"))
                    .findFirst().orElse(lessonPackage);
        }
    }

    /** A hidden test is one whose source lies in the lesson's src/hidden-test/java. */
    private boolean isHidden(String lesson, GradedTest test) {
        String file = test.exerciseClass().replace('.', '/') + ".java";
        return Files.exists(options.root().resolve(lesson).resolve("src/hidden-test/java").resolve(file));
    }

    // ---------------------------------------------------------------- the table

    private void printTable(String lesson, List<Result> results) {
        Map<String, List<Result>> byExercise = results.stream()
                .collect(Collectors.groupingBy(r -> r.test().exerciseClass(), LinkedHashMap::new, Collectors.toList()));
        double earned = 0;
        int possible = 0;
        out.println();
        out.println("Points · " + lesson);
        out.println("-".repeat(NAME_WIDTH + 12));
        for (List<Result> exercise : byExercise.values()) {
            double e = exercise.stream().mapToDouble(Result::earned).sum();
            int p = exercise.stream().mapToInt(r -> r.test().points()).sum();
            earned += e;
            possible += p;
            String reason = exercise.stream().filter(r -> !r.passed()).findFirst()
                    .map(r -> "  " + Failures.firstLine(r.message(), REASON_WIDTH)).orElse("");
            out.println(pad(exercise.get(0).test().exercise(), NAME_WIDTH) + " "
                    + String.format("%9s", ResultsFile.text(e) + "/" + p) + reason);
        }
        out.println("-".repeat(NAME_WIDTH + 12));
        out.println(pad(lesson, NAME_WIDTH) + " " + String.format("%9s", ResultsFile.text(earned) + "/" + possible) + " points");
    }

    static int exerciseNumber(String displayName) {
        var m = Pattern.compile("(\\d+)").matcher(displayName);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static String pad(String text, int width) {
        String cut = text.length() > width ? text.substring(0, width - 1) + "…" : text;
        return cut + " ".repeat(width - cut.length());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
