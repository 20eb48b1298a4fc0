package course.lesson02;

import course.grading.Background;
import course.grading.Delays;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What a method that must wait for its threads did wrong, in words. Test support. */
final class JoinMistakes {
    private JoinMistakes() {
    }

    /**
     * What went wrong, or {@code null} when the caller was seen waiting.
     *
     * @param seen     what {@link Background#watch} saw
     * @param method   the method under test, for example {@code "runAll"}
     * @param work     what its threads do, plural, for example {@code "tasks"}
     * @param started  how many had started when the watch ended
     * @param finished how many had finished when the watch ended
     * @param total    how many there are
     */
    static String describe(Background.Seen seen, String method, String work, int started, int finished, int total) {
        long ceiling = Delays.CEILING.toSeconds();
        return switch (seen) {
            case WAITING -> null;
            case RETURNED -> String.format("%s returned while its %s were still running (%d of %d had finished, "
                    + "%d had started): did you forget to join() the threads, or wait with Thread.sleep()? "
                    + "Sleeping is not waiting: only join() waits until a thread has ended.",
                    method, work, finished, total, started);
            case SLEEPING -> String.format("%s was still asleep in Thread.sleep() %d s later while its %s were held: "
                    + "it sleeps (or polls with Thread.sleep) instead of waiting for its threads. Sleeping is not "
                    + "waiting: join() every thread.", method, ceiling, work);
            case NEITHER -> started < total
                    ? String.format("only %d of %d %s had started %d s later, and %s had not returned: start every "
                            + "thread first, then join() them all (did you join() each thread right after start()?)",
                            started, total, work, ceiling, method)
                    : String.format("%s neither returned nor blocked waiting for its %s within %d s: it spins or "
                            + "polls with Thread.sleep instead of waiting in join(). Sleeping is not waiting.",
                            method, work, ceiling);
        };
    }

    /** The message for a caller that returned after only {@code released} of {@code total} pieces were released. */
    static String returnedTooSoon(String method, String work, int released, int total) {
        return String.format("%s returned after only %d of its %d %s had been let finish, while the others were "
                + "still running: it must wait for EVERY thread. join() each thread in a loop after starting them "
                + "all (joining only some of them is not enough).", method, released, total, work);
    }

    /**
     * Interrupts {@code call} once it waits for its held tasks ({@code allArrived}), then releases
     * them, and fails unless the method let the interrupt out: it threw {@code InterruptedException},
     * or it finished waiting and returned with the interrupt status set, as
     * {@code ExecutorService.close()} does. {@code call} returns its thread's interrupt status.
     * A method that never waits is left to the tests that name that mistake.
     */
    static void assertInterruptNotSwallowed(String method, Background<Boolean> call, BooleanSupplier allArrived,
                                            List<CountDownLatch> releases) {
        try {
            Background.Seen seen = call.watch(allArrived);
            call.rethrowNotImplemented();
            if (seen != Background.Seen.WAITING) {
                return;   // not waiting at all: another test names that mistake
            }
            call.interrupt();
            boolean endedAtOnce = call.join(Delays.CEILING);
            releases.forEach(CountDownLatch::countDown);
            call.join(Delays.CEILING);
            call.rethrowNotImplemented();
            if (call.thrown() instanceof InterruptedException) {
                return;
            }
            if (call.thrown() == null && Boolean.TRUE.equals(call.value())) {
                return;   // finished waiting and kept the interrupt status, as ExecutorService.close() does
            }
            assertThat(call.thrown()).as("%s, interrupted while it waited, threw", method).isNull();
            fail("%s was interrupted while it waited for its threads, but %s: do not catch "
                    + "InterruptedException and carry on (or just print it); %s declares it, so let join() throw "
                    + "it to the caller", method, endedAtOnce ? "returned normally with the interrupt status cleared"
                            : "it swallowed the interrupt, kept waiting until the tasks were released, and returned "
                            + "normally", method);
        } finally {
            releases.forEach(CountDownLatch::countDown);
            call.stop();
        }
    }
}
