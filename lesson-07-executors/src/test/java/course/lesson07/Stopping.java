package course.lesson07;

import static org.assertj.core.api.Assertions.fail;
import course.grading.Background;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** The check "the method interrupted its tasks and returned only after they had stopped". */
final class Stopping {
    private Stopping() {
    }

    /**
     * Waits until every started blocker has been interrupted and the caller is seen waiting inside
     * the method (or has returned), then lets the blockers stop. Fails, naming the mistake, when a
     * blocker was never interrupted or when the method returned while one was still stopping.
     * Opens {@code mayStop} on every path.
     *
     * @param method    how to name the method in messages, e.g. "first()"
     * @param notInterrupted advice when a task was never interrupted
     * @param notAwaited     advice when the method returned before its interrupted tasks had stopped
     */
    static void check(Background<?> caller, List<Blocker> blockers, CountDownLatch mayStop, Deadline deadline,
            String method, String what, String notInterrupted, String notAwaited) {
        try {
            // on the ceiling: reported below, some task was never interrupted
            Background.until(deadline.remaining(), () -> caller.isDone() || (blockers.stream()
                    .noneMatch(b -> b.fate() == Blocker.Fate.RUNNING) && TaskThreads.finishedTask(caller.thread())));
            List<Blocker> never = blockers.stream().filter(b -> b.fate() == Blocker.Fate.RUNNING
                    || b.fate() == Blocker.Fate.RAN_INTO_CEILING).toList();
            if (!never.isEmpty()) {
                fail("%s %s never interrupted: %s %s. %s", what, names(never),
                        caller.isDone() ? "it was still blocked when " + method + " returned, and" : "it",
                        "would have run on until the test's " + course.grading.Delays.CEILING.toSeconds()
                                + " s ceiling", notInterrupted);
            }
            List<Blocker> stopping = blockers.stream().filter(b -> b.fate() == Blocker.Fate.STOPPING).toList();
            if (caller.isDone() && !stopping.isEmpty()) {
                fail("%s returned while %s had been interrupted but had not stopped yet (the test held %s and"
                        + " %s did not wait): %s", method, stopping.stream().map(Blocker::toString)
                                .collect(Collectors.joining(", ")),
                        stopping.size() == 1 ? "it" : "them", method, notAwaited);
            }
        } finally {
            mayStop.countDown();
        }
    }

    private static String names(List<Blocker> blockers) {
        return blockers.stream().map(Blocker::toString).collect(Collectors.joining(", "))
                + (blockers.size() == 1 ? " was" : " were");
    }
}
