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

    /** Scores a test from the events its JVM wrote. */
    static Result of(GradedTest test, TestEvents events) {
        var finished = events.finished.get(test.uniqueId());
        List<TestEvents.Dynamic> invocations = events.children.getOrDefault(test.uniqueId(), List.of());
        if (test.template() && !invocations.isEmpty()) {
            return ofInvocations(test, events, invocations, finished);
        }
        if (finished != null) {
            boolean passed = finished.outcome() == Outcome.PASSED;
            return new Result(test, passed ? test.points() : 0, finished.outcome(), finished.message(),
                    List.of(finished.outcome()));
        }
        return missing(test, test.uniqueId(), events);
    }

    private static Result ofInvocations(GradedTest test, TestEvents events, List<TestEvents.Dynamic> invocations,
                                        TestEvents.Finished container) {
        List<Outcome> outcomes = new ArrayList<>();
        Outcome firstFailure = null;
        String message = "";
        int passed = 0;
        for (TestEvents.Dynamic invocation : invocations) {
            var finished = events.finished.get(invocation.id());
            Result one = finished == null
                    ? missing(test, invocation.id(), events)
                    : new Result(test, 0, finished.outcome(), finished.message(), List.of(finished.outcome()));
            outcomes.add(one.outcome());
            if (one.outcome() == Outcome.PASSED) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = one.outcome();
                message = "case " + invocation.displayName() + ": " + one.message();
            }
        }
        if (container != null && container.outcome() != Outcome.PASSED && firstFailure == null) {
            firstFailure = container.outcome();
            message = container.message();
            passed = 0;
        }
        double earned = (double) test.points() * passed / invocations.size();
        if (firstFailure != null && passed > 0) {
            message = passed + " of " + invocations.size() + " cases pass; " + message;
        }
        return new Result(test, earned, firstFailure == null ? Outcome.PASSED : firstFailure, message, outcomes);
    }

    /** A test without a result of its own: say what most likely happened. */
    private static Result missing(GradedTest test, String id, TestEvents events) {
        var ancestor = events.failedAncestor(id);
        if (ancestor.isPresent()) {
            return new Result(test, 0, ancestor.get().outcome(),
                    "the test class failed before this test could run: " + ancestor.get().message(),
                    List.of(ancestor.get().outcome()));
        }
        String why;
        if (events.started.contains(id)) {
            why = "the test JVM exited while this test ran: did your code call System.exit or crash the JVM?";
        } else if (events.classReported(id)) {
            why = "the test JVM exited before this test ran: did your code call System.exit or crash the JVM"
                    + " in an earlier test of this exercise?";
        } else {
            why = "no result: the tests of this exercise did not run (the test JVM could not start, or was killed)";
        }
        return new Result(test, 0, Outcome.NO_RESULT, why, List.of(Outcome.NO_RESULT));
    }
}
