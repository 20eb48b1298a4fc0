package course.grading.report;

import course.grading.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * What one graded test earned, and why.
 *
 * @param test     the test
 * @param earned   points earned (a share of them for a partly passing parameterized test)
 * @param outcome  how it ended; for a parameterized test, how its first failing case ended
 * @param message  the failure as a student should read it; empty when it passed
 * @param outcomes every outcome seen (one per invocation of a parameterized test)
 */
record Result(GradedTest test, double earned, Outcome outcome, String message, List<Outcome> outcomes) {

    boolean passed() {
        return outcome == Outcome.PASSED;
    }

    static Result zero(GradedTest test, Outcome outcome, String message) {
        return new Result(test, 0, outcome, message, List.of(outcome));
    }

    /**
     * Scores a test from what the build recorded. {@code running} is the test JVM's own note of
     * the test it was running, used only to word the message when the JVM died.
     */
    static Result of(GradedTest test, Recorded recorded, String running) {
        if (!recorded.hasReport(test.exerciseClass())) {
            String where = running == null || running.isBlank() ? "" : " while running \"" + running.strip() + "\"";
            return zero(test, Outcome.NO_RESULT, running == null
                    ? "no result: the tests of this exercise did not run (the test JVM could not start, or was killed)"
                    : "the test JVM died" + where + ": did your code end the JVM (System.exit, Runtime.halt,"
                    + " a kill) or crash it? Every test of this exercise gets 0.");
        }
        if (test.template()) {
            List<Recorded.Case> invocations = recorded.invocations(test.className(), test.invocations());
            if (!invocations.isEmpty()) {
                return ofInvocations(test, invocations);
            }
        }
        var single = recorded.test(test.className(), test.method(), test.invocations());
        if (single.isPresent()) {
            Outcome outcome = single.get().outcome();
            return new Result(test, outcome == Outcome.PASSED ? test.points() : 0, outcome, single.get().message(),
                    List.of(outcome));
        }
        var classFailure = recorded.classFailure(test.className());
        if (classFailure.isPresent()) {
            return zero(test, classFailure.get().outcome(),
                    "the test class failed before this test could run: " + classFailure.get().message());
        }
        return zero(test, Outcome.NO_RESULT, "no result recorded for this test: the build did not run it");
    }

    private static Result ofInvocations(GradedTest test, List<Recorded.Case> invocations) {
        List<Outcome> outcomes = new ArrayList<>();
        Outcome firstFailure = null;
        String message = "";
        int passed = 0;
        for (Recorded.Case invocation : invocations) {
            outcomes.add(invocation.outcome());
            if (invocation.outcome() == Outcome.PASSED) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = invocation.outcome();
                String index = invocation.name().substring(invocation.name().lastIndexOf('['));
                message = "case " + index + ": " + invocation.message();
            }
        }
        double earned = (double) test.points() * passed / invocations.size();
        if (firstFailure != null && passed > 0) {
            message = passed + " of " + invocations.size() + " cases pass; " + message;
        }
        return new Result(test, earned, firstFailure == null ? Outcome.PASSED : firstFailure, message, outcomes);
    }
}
