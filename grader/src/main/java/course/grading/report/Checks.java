package course.grading.report;

import course.grading.Failures;
import course.grading.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The verdicts of each mode: what must fail the build. */
final class Checks {
    private Checks() {
    }

    static List<String> student(String lesson, List<Result> results, boolean filtered) {
        long failing = results.stream().filter(r -> !r.passed()).count();
        if (failing == 0) {
            return List.of();
        }
        double earned = results.stream().mapToDouble(Result::earned).sum();
        int possible = results.stream().mapToInt(r -> r.test().points()).sum();
        return List.of(lesson + ": " + ResultsFile.text(earned) + "/" + possible + " points, " + failing
                + " test(s) failing. Each failure above says what is wrong"
                + (filtered ? "." : "; fix one exercise at a time (mvn test -pl " + lesson + " -Dtest=<ExerciseTest>)."));
    }

    static List<String> reference(String lesson, List<Result> results) {
        List<String> problems = new ArrayList<>(pointless(lesson, results));
        for (Result r : results) {
            if (!r.passed()) {
                problems.add(lesson + ": fails on the reference: " + where(r) + ": " + Failures.firstLine(r.message(), 300)
                        + " (reference: solutions/src/main/java/" + r.test().lesson().replace('.', '/') + "/)");
            }
        }
        return problems;
    }

    /** {@code basedir} null: a -Dtest run, where the README's table is not checked. */
    static List<String> starter(String lesson, List<Result> results, Path basedir) {
        List<String> problems = new ArrayList<>(pointless(lesson, results));
        Set<Outcome> rightReasons = Set.of(Outcome.ASSERTION, Outcome.NOT_IMPLEMENTED);
        for (Result r : results) {
            if (r.outcomes().contains(Outcome.PASSED)) {
                problems.add(lesson + ": " + where(r) + ": passes on the starter (a test that cannot fail is a defect)");
            } else if (!rightReasons.containsAll(r.outcomes())) {
                problems.add(lesson + ": " + where(r) + ": fails on the starter for a wrong reason (" + r.outcome().word()
                        + "): " + Failures.firstLine(r.message(), 300));
            }
        }
        if (basedir != null) {
            problems.addAll(readme(lesson, results, basedir));
        }
        return problems;
    }

    private static String where(Result r) {
        return r.test().exerciseSimpleName() + " › " + r.test().name();
    }

    private static List<String> pointless(String lesson, List<Result> results) {
        return results.stream().filter(r -> r.test().points() <= 0)
                .map(r -> lesson + ": " + where(r) + ": carries no points (add @Points to every graded test)")
                .toList();
    }

    /** The README's exercise table agrees with the tests: rows, titles, points, total; the Russian guide names every exercise. */
    private static List<String> readme(String lesson, List<Result> results, Path basedir) {
        try {
            Path readme = basedir.resolve("README.md");
            if (!Files.exists(readme)) {
                return List.of(lesson + ": README.md is missing");
            }
            ReadmeTable table = ReadmeTable.read(readme);
            List<Result> visible = results.stream()
                    .filter(r -> !Files.exists(basedir.resolve("src/hidden-test/java")
                            .resolve(r.test().exerciseClass().replace('.', '/') + ".java")))
                    .toList();
            Map<String, Integer> points = visible.stream().collect(Collectors.groupingBy(
                    r -> r.test().exerciseSimpleName(), TreeMap::new, Collectors.summingInt(r -> r.test().points())));
            Map<String, String> titles = new LinkedHashMap<>();
            visible.forEach(r -> titles.put(r.test().exerciseSimpleName(), r.test().exercise()));
            int total = points.values().stream().mapToInt(Integer::intValue).sum();
            List<String> problems = new ArrayList<>();
            for (var e : points.entrySet()) {
                String test = e.getKey();
                Integer documented = table.pointsByTestClass().get(test);
                if (documented == null) {
                    problems.add(lesson + ": README's exercise table has no row for `" + test + "` (" + e.getValue() + " points)");
                    continue;
                }
                if (documented.intValue() != e.getValue()) {
                    problems.add(lesson + ": README says `" + test + "` is worth " + documented + " points, its tests carry " + e.getValue());
                }
                String title = table.titleByTestClass().get(test);
                if (!titles.get(test).equals(title)) {
                    problems.add(lesson + ": README's exercise table calls `" + test + "` \"" + title
                            + "\", its @DisplayName is \"" + titles.get(test) + "\"");
                }
            }
            table.pointsByTestClass().keySet().stream().filter(name -> !points.containsKey(name))
                    .forEach(name -> problems.add(lesson + ": README's exercise table lists `" + name + "`, which has no graded tests"));
            if (table.total() == null || table.total() != total) {
                problems.add(lesson + ": README's exercise table total is " + table.total() + ", the tests carry " + total);
            }
            if (total % 10 != 0) {
                problems.add(lesson + ": the lesson's points add up to " + total + ", not a round total (a multiple of 10)");
            }
            Path russian = basedir.resolve("README.ru.md");
            if (Files.exists(russian)) {
                String text = Files.readString(russian, StandardCharsets.UTF_8);
                points.keySet().stream().filter(test -> !text.contains("`" + test + "`"))
                        .forEach(test -> problems.add(lesson + ": README.ru.md does not mention the exercise `" + test + "`"));
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
