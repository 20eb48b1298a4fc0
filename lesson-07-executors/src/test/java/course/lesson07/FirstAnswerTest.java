package course.lesson07;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("Exercise 3 · The first answer within a deadline, the losers cancelled")
class FirstAnswerTest {

    /** What became of a candidate that never wins. */
    enum Fate { NOT_STARTED, RUNNING, INTERRUPTED, RAN_INTO_CEILING }

    /** A candidate that blocks until it is interrupted (or the test's ceiling passes) and records its fate. */
    static final class Loser implements Callable<String> {
        final String name;
        final AtomicReference<Fate> fate = new AtomicReference<>(Fate.NOT_STARTED);
        final CountDownLatch started;
        final Deadline deadline;

        Loser(String name, CountDownLatch started, Deadline deadline) {
            this.name = name;
            this.started = started;
            this.deadline = deadline;
        }

        @Override
        public String call() throws InterruptedException {
            fate.set(Fate.RUNNING);
            started.countDown();
            try {
                deadline.await(new CountDownLatch(1));   // never opens: only an interrupt ends this early
                fate.set(Fate.RAN_INTO_CEILING);
                return "late answer from " + name;
            } catch (InterruptedException e) {
                fate.set(Fate.INTERRUPTED);
                throw e;
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    @Points(3)
    @DisplayName("returns the first successful answer, skipping a candidate that failed before it")
    void skipsFailures() throws Exception {
        Deadline deadline = new Deadline();
        CountDownLatch allStarted = new CountDownLatch(3);
        CountDownLatch failing = new CountDownLatch(1);
        Loser slow = new Loser("slow", allStarted, deadline);
        Callable<String> broken = () -> {
            allStarted.countDown();
            deadline.await(allStarted);
            failing.countDown();
            throw new IOException("mirror-a is down");
        };
        Callable<String> good = () -> {
            allStarted.countDown();
            deadline.await(allStarted);
            deadline.await(failing);
            return "answer from mirror-b";
        };

        AtomicReference<String> answer = new AtomicReference<>();
        Throwable thrown = catchThrowable(() ->
                answer.set(FirstAnswer.first(List.of(broken, good, slow), Duration.ofSeconds(5))));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("first() threw %s although mirror-b answered: a candidate that fails is skipped;"
                        + " only when every candidate fails is that an ExecutionException", thrown)
                .isNull();
        assertThat(answer.get()).isEqualTo("answer from mirror-b");
    }

    @Test
    @Points(4)
    @DisplayName("interrupts every loser and returns only after the losers have stopped")
    void interruptsLosers() throws Exception {
        Deadline deadline = new Deadline();
        CountDownLatch losersStarted = new CountDownLatch(2);
        Loser b = new Loser("mirror-b", losersStarted, deadline);
        Loser c = new Loser("mirror-c", losersStarted, deadline);
        Callable<String> winner = () -> {
            deadline.await(losersStarted);
            return "answer from mirror-a";
        };

        String answer = FirstAnswer.first(List.of(b, winner, c), Duration.ofSeconds(5));

        assertThat(answer).isEqualTo("answer from mirror-a");
        for (Loser loser : List.of(b, c)) {
            Fate fate = loser.fate.get();
            assertThat(fate)
                    .withFailMessage(switch (fate) {
                        case RAN_INTO_CEILING -> "loser " + loser + " was never interrupted: it kept running until the"
                                + " test's 5 s ceiling. Cancel the losers with cancel(true) or shutdownNow();"
                                + " cancel(false) and shutdown() let running tasks go on";
                        case RUNNING -> "loser " + loser + " was still running when first() returned: close the pool"
                                + " (try-with-resources) so that it waits until the interrupted losers have stopped";
                        default -> "loser " + loser + " ended as " + fate + ", expected it to be interrupted";
                    })
                    .isEqualTo(Fate.INTERRUPTED);
        }
    }

    @Test
    @Points(3)
    @DisplayName("throws a TimeoutException when nothing succeeds before the deadline, and interrupts every candidate")
    void timesOut() {
        Deadline deadline = new Deadline();
        CountDownLatch started = new CountDownLatch(2);
        Loser a = new Loser("mirror-a", started, deadline);
        Loser b = new Loser("mirror-b", started, deadline);

        Throwable thrown = catchThrowable(() -> FirstAnswer.first(List.of(a, b), Duration.ofMillis(200)));
        NotImplemented.rethrow(thrown);

        if (!(thrown instanceof TimeoutException)) {
            boolean ignored = a.fate.get() == Fate.RAN_INTO_CEILING || b.fate.get() == Fate.RAN_INTO_CEILING;
            assertThat(thrown)
                    .withFailMessage("expected a TimeoutException after the 200 ms deadline, but first() %s%s",
                            thrown == null ? "returned a result" : "threw " + thrown,
                            ignored ? " only after the candidates ran into the test's 5 s ceiling: the deadline"
                                    + " was ignored (invokeAny and poll have versions with a timeout)" : "")
                    .isInstanceOf(TimeoutException.class);
        }
        for (Loser loser : List.of(a, b)) {
            Fate fate = loser.fate.get();
            assertThat(fate)
                    .withFailMessage("after the timeout, candidate %s %s: cancel every candidate with"
                                    + " cancel(true) or shutdownNow() before throwing, and let the pool close",
                            loser, fate == Fate.RUNNING ? "was still running when first() ended"
                                    : "was never interrupted and ran on until the test's 5 s ceiling")
                    .isIn(Fate.INTERRUPTED, Fate.NOT_STARTED);
        }
    }
}
