package course.lesson07;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("Exercise 3 · The first answer within a deadline, the losers cancelled")
class FirstAnswerTest {

    private static final String NOT_INTERRUPTED = "Cancel the losers with cancel(true) or shutdownNow();"
            + " cancel(false) and shutdown() let running tasks go on";
    private static final String NOT_AWAITED = "close the pool (try-with-resources), or awaitTermination() after"
            + " shutdownNow(), so that first() waits until the interrupted losers have stopped";

    /** A candidate that blocks until it is interrupted and then holds on until the test lets it stop. */
    static Callable<String> loser(Blocker blocker) {
        return new Callable<>() {
            @Override
            public String call() throws InterruptedException {
                blocker.block();
                return "late answer from " + blocker;
            }

            @Override
            public String toString() {
                return blocker.toString();
            }
        };
    }

    /** Waits until every candidate has started; remembers when that never happened (or was cut short). */
    private static void awaitTheOthers(CountDownLatch allStarted, Deadline deadline, AtomicBoolean ranAlone)
            throws InterruptedException {
        try {
            if (!deadline.await(allStarted)) {
                ranAlone.set(true);
            }
        } catch (InterruptedException e) {
            // Cancelled while waiting: that says the candidates ran one after another only if some had not
            // started yet. A candidate cancelled after all had started (the caller gave up early: a failure
            // taken for the answer) did run alongside the others, however slowly its thread got here.
            if (allStarted.getCount() > 0) {
                ranAlone.set(true);
            }
            throw e;
        }
    }

    @Test
    @Points(2)
    @DisplayName("returns the first successful answer, skipping a candidate that failed before it; all failed is an ExecutionException")
    void skipsFailures() throws Exception {
        Deadline deadline = new Deadline();
        CountDownLatch allStarted = new CountDownLatch(3);
        CountDownLatch failing = new CountDownLatch(1);
        CountDownLatch mayStop = new CountDownLatch(0);
        Blocker slow = new Blocker("slow", deadline, mayStop);
        AtomicReference<Thread> brokenThread = new AtomicReference<>();
        AtomicBoolean ranAlone = new AtomicBoolean();   // a candidate waited in vain for the others to start
        Callable<String> broken = () -> {
            brokenThread.set(Thread.currentThread());
            allStarted.countDown();
            awaitTheOthers(allStarted, deadline, ranAlone);
            failing.countDown();
            throw new IOException("mirror-a is down");
        };
        Callable<String> good = () -> {
            allStarted.countDown();
            awaitTheOthers(allStarted, deadline, ranAlone);
            deadline.await(failing);
            // Answers only once mirror-a's failure is complete (its thread has left the task), so
            // the failure is always the first candidate to complete, never a coin toss with this one.
            TaskThreads.awaitTaskFinished(brokenThread.get(), deadline);
            return "answer from mirror-b";
        };
        Callable<String> slowCandidate = () -> {
            allStarted.countDown();
            slow.block();
            return "late answer from slow";
        };

        AtomicReference<String> answer = new AtomicReference<>();
        Throwable thrown = catchThrowable(() ->
                answer.set(FirstAnswer.first(List.of(broken, good, slowCandidate), Duration.ofSeconds(5))));
        NotImplemented.rethrow(thrown);

        assertThat(ranAlone.get())
                .withFailMessage("the 3 candidates did not all run at the same time: a candidate waited %d s for the"
                        + " others to start, in vain. first() must run every candidate at the same time, one thread"
                        + " per candidate. A pool with fewer threads than candidates (a single thread, a fixed size)"
                        + " runs them one after another, so a slow first candidate holds back the answer of the next",
                        Delays.CEILING.toSeconds())
                .isFalse();

        assertThat(thrown)
                .withFailMessage("first() threw %s although mirror-b answered: a candidate that fails is skipped;"
                        + " only when every candidate fails is that an ExecutionException", thrown)
                .isNull();
        assertThat(answer.get()).isEqualTo("answer from mirror-b");

        IOException lastDown = new IOException("mirror-d is down too");
        Throwable allFailed = catchThrowable(() -> FirstAnswer.first(List.<Callable<String>>of(
                () -> { throw new IOException("mirror-c is down"); },
                () -> { throw lastDown; }), Duration.ofSeconds(5)));
        assertThat(allFailed)
                .withFailMessage("when every candidate fails, first() must throw an ExecutionException carrying a"
                        + " failure, but it %s", allFailed == null ? "returned normally" : "threw " + allFailed)
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    @Points(4)
    @DisplayName("interrupts every loser and returns only after the losers have stopped")
    void interruptsLosers() throws Exception {
        Deadline deadline = new Deadline();
        CountDownLatch mayStop = new CountDownLatch(1);
        Blocker b = new Blocker("mirror-b", deadline, mayStop);
        Blocker c = new Blocker("mirror-c", deadline, mayStop);
        AtomicBoolean answered = new AtomicBoolean();
        Callable<String> winner = () -> {
            // answers only once both losers are running, so that there is somebody to cancel
            deadline.await(b.started);
            deadline.await(c.started);
            answered.set(true);
            return "answer from mirror-a";
        };

        // A deadline far beyond the test's ceiling: only an answer (or the test) may end the wait.
        Background<String> caller = Background.start("caller", () -> FirstAnswer.first(List.of(loser(b), winner, loser(c)),
                Delays.CEILING.multipliedBy(4)));
        // Whether first() returned while the losers still ran uninterrupted (it did not wait for them), as
        // opposed to still waiting itself, long after mirror-a had answered.
        AtomicBoolean returnedWhileLosersRan = new AtomicBoolean();
        Background<Void> watcher = Background.run("watches first()", () -> {
            Background.until(deadline.remaining(), answered::get);
            Background.until(deadline.remaining(), () -> caller.isDone()
                    || b.fate() != Blocker.Fate.RUNNING || c.fate() != Blocker.Fate.RUNNING);
            returnedWhileLosersRan.set(caller.isDone()
                    && (b.fate() == Blocker.Fate.RUNNING || c.fate() == Blocker.Fate.RUNNING));
        });
        try {
            try {
                Stopping.check(caller, List.of(b, c), mayStop, deadline, "first()", "loser",
                        NOT_INTERRUPTED, NOT_AWAITED);
            } catch (AssertionError e) {
                watcher.join("the test's watcher of first()");
                if (answered.get() && !returnedWhileLosersRan.get()) {
                    throw new AssertionError("first() was still waiting " + Delays.CEILING.toSeconds() + " s after"
                            + " mirror-a had answered, and the losers were never interrupted: return the first"
                            + " successful answer as soon as it arrives and cancel the rest with cancel(true) or"
                            + " shutdownNow(). invokeAny does both; invokeAll waits until every candidate has finished"
                            + " (or the deadline has passed), and cancel(false) or shutdown() let them run on. ("
                            + e.getMessage() + ")", e);
                }
                throw e;
            } finally {
                watcher.stop();
            }
            caller.join(deadline.remaining());
            NotImplemented.rethrow(caller.thrown());
            assertThat(caller.result()).isEqualTo("answer from mirror-a");
            for (Blocker loser : List.of(b, c)) {
                assertThat(loser.fate())
                        .withFailMessage("loser %s was %s when first() returned: %s", loser,
                                loser.fate() == Blocker.Fate.STOPPING ? "still stopping" : loser.fate(), NOT_AWAITED)
                        .isEqualTo(Blocker.Fate.STOPPED);
            }
        } finally {
            mayStop.countDown();
            caller.stop();
        }
    }

    @Test
    @Points(3)
    @DisplayName("throws a TimeoutException when nothing succeeds before the deadline, and interrupts every candidate")
    void timesOut() throws Exception {
        Deadline deadline = new Deadline();
        CountDownLatch mayStop = new CountDownLatch(1);
        Blocker a = new Blocker("mirror-a", deadline, mayStop);
        Blocker b = new Blocker("mirror-b", deadline, mayStop);

        // When first() gave up (it interrupted a candidate, or returned): a correct one cannot do that before its
        // 500 ms have passed (a lower bound, which no slow machine can break; only a deadline cut short can).
        AtomicLong endedAt = new AtomicLong();
        long calledAfter = System.nanoTime();
        Background<String> caller = Background.start("caller", () -> {
            try {
                return FirstAnswer.first(List.of(loser(a), loser(b)), Duration.ofMillis(500));
            } finally {
                endedAt.set(System.nanoTime());
            }
        });
        try {
            AssertionError notStopped = null;
            try {
                Stopping.check(caller, List.of(a, b), mayStop, deadline, "first()", "after the timeout, candidate",
                        "cancel every candidate with cancel(true) or shutdownNow() before throwing the"
                                + " TimeoutException", NOT_AWAITED);
            } catch (AssertionError e) {
                notStopped = e;
            }
            caller.join(new Deadline().remaining());
            Throwable thrown = caller.thrown();
            NotImplemented.rethrow(thrown);
            boolean ranIntoCeiling = a.fate() == Blocker.Fate.RAN_INTO_CEILING || b.fate() == Blocker.Fate.RAN_INTO_CEILING;
            assertThat(thrown)
                    .withFailMessage("expected a TimeoutException after the 500 ms deadline, but first() %s%s",
                            thrown == null ? "returned " + caller.value() : "threw " + thrown,
                            ranIntoCeiling ? " only after the candidates ran into the test's ceiling: the deadline"
                                    + " was ignored (invokeAny and poll have versions with a timeout)"
                                    : ": give the wait a deadline (invokeAny and poll have versions with a timeout)")
                    .isInstanceOf(TimeoutException.class);
            long gaveUpAt = java.util.stream.Stream.of(a, b).mapToLong(x -> x.interruptedAtNanos).filter(t -> t != 0)
                    .min().orElse(endedAt.get());
            long gaveUpAfterMillis = TimeUnit.NANOSECONDS.toMillis(gaveUpAt - calledAfter);
            assertThat(gaveUpAfterMillis)
                    .withFailMessage("first() gave up (interrupted its candidates or threw) %d ms after it was"
                            + " called, before its 500 ms deadline had passed: it did not wait for an answer. A"
                            + " deadline taken in whole seconds (toSeconds() with TimeUnit.SECONDS) is 0 for 500 ms:"
                            + " pass deadline.toNanos() with TimeUnit.NANOSECONDS (or toMillis() with MILLISECONDS)",
                            gaveUpAfterMillis)
                    .isGreaterThanOrEqualTo(400);   // leeway for a deadline kept in milliseconds
            if (notStopped != null) {
                throw notStopped;
            }
            // Candidates that had not started yet when first() was first seen waiting are checked here:
            // once first() has returned, none may still be running or have run into the ceiling.
            List<Blocker> ranOn = List.of(a, b).stream().filter(x -> x.fate() == Blocker.Fate.RUNNING
                    || x.fate() == Blocker.Fate.RAN_INTO_CEILING).toList();
            assertThat(ranOn)
                    .withFailMessage("after the timeout, candidate %s never interrupted: %s ran on until the test's"
                            + " %d s ceiling. Cancel every candidate with cancel(true) or shutdownNow() before"
                            + " throwing the TimeoutException", ranOn.stream().map(Blocker::toString)
                            .collect(Collectors.joining(", ")) + (ranOn.size() == 1 ? " was" : " were"),
                            ranOn.size() == 1 ? "it" : "they", Delays.CEILING.toSeconds())
                    .isEmpty();
        } finally {
            mayStop.countDown();
            caller.stop();
        }
    }

    @Test
    @Points(1)
    @DisplayName("when the calling thread is interrupted while waiting for an answer, throws InterruptedException")
    void interruptedWhileWaitingThrows() {
        InterruptWhileWaiting.check("first()", 2, task -> () -> FirstAnswer.first(
                List.<Callable<Integer>>of(() -> task.apply(1), () -> task.apply(2)), Duration.ofMinutes(10)));
    }
}
