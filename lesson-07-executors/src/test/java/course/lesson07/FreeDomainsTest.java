package course.lesson07;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("Exercise 4 · Executor hygiene: every pool closed, every worker thread gone")
class FreeDomainsTest {

    /**
     * A ThreadFactory that remembers every thread it made. While {@link #holdInterrupts} is set, an interrupt
     * another thread sends one of its threads (the pool's way of telling an idle worker to stop) is held back
     * until {@link #deliverInterrupts()}: an idle worker then stays parked, so the pool cannot terminate, and a
     * find() that returns without waiting for its pool to terminate is caught every time.
     */
    static final class RecordingFactory implements ThreadFactory {
        final List<Thread> made = new CopyOnWriteArrayList<>();
        final List<Thread> interruptsHeld = new CopyOnWriteArrayList<>();
        volatile boolean holdInterrupts;
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "lookup-" + next.getAndIncrement()) {
                @Override
                public void interrupt() {
                    synchronized (RecordingFactory.this) {
                        if (holdInterrupts && Thread.currentThread() != this) {
                            interruptsHeld.add(this);
                            return;
                        }
                    }
                    super.interrupt();
                }
            };
            made.add(t);
            return t;
        }

        /** Stops holding interrupts back and delivers the ones held. */
        void deliverInterrupts() {
            List<Thread> held;
            synchronized (this) {
                holdInterrupts = false;
                held = List.copyOf(interruptsHeld);
            }
            held.forEach(Thread::interrupt);
        }

        /** The threads that were asked to stop (an interrupt is held) and still wait for work in the pool. */
        List<String> askedToStopButIdle() {
            return interruptsHeld.stream().distinct().filter(t -> t.isAlive() && TaskThreads.finishedTask(t)
                            && java.util.Arrays.stream(t.getStackTrace())
                                    .anyMatch(f -> f.getMethodName().equals("getTask")))
                    .map(Thread::getName).toList();
        }
    }

    final RecordingFactory threads = new RecordingFactory();
    final Deadline deadline = new Deadline();

    /** Lets the interrupted lookups of a test end; opened by the test once it has seen find() wait for them. */
    final CountDownLatch mayStop = new CountDownLatch(1);

    private static final String NOT_AWAITED = "close the pool after shutdownNow() (try-with-resources does it),"
            + " so that find() waits until the interrupted lookups have stopped";

    void assertEveryPoolThreadEnded() throws InterruptedException {
        assertThat(threads.made)
                .withFailMessage("no thread came from the ThreadFactory you were given: create the pool with"
                        + " Executors.newFixedThreadPool(WORKERS, threads)")
                .isNotEmpty();
        long end = System.nanoTime() + Delays.THREAD_EXIT.toNanos();
        List<String> alive = new ArrayList<>();
        for (Thread t : threads.made) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                alive.add(t.getName() + " (" + t.getState() + ")");
            }
        }
        assertThat(alive)
                .withFailMessage("pool threads %s were still alive after find() ended: the ExecutorService was"
                        + " never closed. Open it with try (ExecutorService pool = ...) { ... } so that close()"
                        + " shuts it down and waits for its threads on every path", alive)
                .isEmpty();
    }

    /**
     * Waits until the call has ended or {@code condition} holds, at most the ceiling; the assertions
     * that follow say what went wrong if neither happened.
     */
    static void awaitDoneOr(Background<?> caller, BooleanSupplier condition) {
        Background.until(() -> caller.isDone() || condition.getAsBoolean());   // on the ceiling: the assertions report it
    }

    /** Every blocking lookup must have started: the lookups run at the same time. */
    static void assertAllStarted(List<Blocker> blocking) {
        List<String> started = blocking.stream().filter(b -> b.started.getCount() == 0).map(Blocker::toString).toList();
        assertThat(started)
                .withFailMessage("only %s of the %d blocking lookups %s running at the same time as the others: did"
                                + " you call get() inside the submit loop? Submit every lookup first, then collect"
                                + " the answers", started, blocking.size(), started.size() == 1 ? "was" : "were")
                .hasSize(blocking.size());
    }

    @Test
    @Points(3)
    @DisplayName("returns the free domains in input order, and every pool thread has ended when it returns")
    void closesPoolOnSuccess() throws Exception {
        List<String> domains = List.of("python.org", "python.xyz", "python.com", "python.ninja", "python.ru",
                "python.zip");

        // Every lookup stays in flight until the test lets it finish, which it does once find() waits for the
        // answers (every lookup submitted): a pool of WORKERS threads then runs WORKERS lookups and queues the
        // rest; a pool that grows has made a thread for each.
        InFlight inFlight = new InFlight();
        CountDownLatch mayFinish = new CountDownLatch(1);
        // The free python.ninja finishes before the free python.xyz, which comes first in the input: when
        // python.ninja's lookup is running, python.xyz's answers only once python.ninja's task has completed,
        // so answers collected as the lookups finish come out of input order every time.
        AtomicReference<Thread> ninjaThread = new AtomicReference<>();
        CountDownLatch ninjaAnswered = new CountDownLatch(1);
        threads.holdInterrupts = true;
        Background<List<String>> caller = Background.start("caller", () -> FreeDomains.find(domains, d -> {
            if (d.equals("python.ninja")) {
                ninjaThread.set(Thread.currentThread());
            }
            inFlight.enter();
            try {
                deadline.await(mayFinish);
            } finally {
                inFlight.exit();
            }
            if (d.equals("python.xyz") && ninjaThread.get() != null) {
                deadline.await(ninjaAnswered);
                TaskThreads.awaitTaskFinished(ninjaThread.get(), deadline);   // python.ninja has completed
            }
            if (d.equals("python.ninja")) {
                ninjaAnswered.countDown();
            }
            return !List.of("org", "com", "ru").contains(d.substring(d.lastIndexOf('.') + 1));
        }, threads));
        try {
            awaitDoneOr(caller, () -> inFlight.max() > FreeDomains.WORKERS
                    || (inFlight.now() == FreeDomains.WORKERS && TaskThreads.finishedTask(caller.thread())));
        } finally {
            mayFinish.countDown();
        }
        // The pool's idle workers get no interrupt until find() has returned or is seen waiting with the pool
        // asked to stop: a find() that does not wait for its pool to terminate returns while they are still idle.
        List<String> idleAtReturn = List.of();
        try {
            Background.until(new Deadline().remaining(), () -> caller.isDone()
                    || (TaskThreads.finishedTask(caller.thread()) && !threads.interruptsHeld.isEmpty()));
            if (caller.isDone()) {
                idleAtReturn = threads.askedToStopButIdle();
            }
        } finally {
            threads.deliverInterrupts();
        }
        caller.join(new Deadline().remaining());
        caller.stop();
        NotImplemented.rethrow(caller.thrown());
        List<String> free = caller.result();
        assertThat(idleAtReturn)
                .withFailMessage("find() returned while pool threads %s were still alive, waiting for work: the pool"
                        + " had been asked to stop (shutdown() or shutdownNow()), but shutdown() only asks, it does not"
                        + " wait for the threads to end. Close the pool with try (ExecutorService pool = ...) { ... }"
                        + " (close() waits), or call awaitTermination() after shutdown()", idleAtReturn)
                .isEmpty();

        assertThat(free)
                .withFailMessage("find() returned the free domains %s, expected them in input order %s: the lookup of"
                        + " python.ninja finished before the one of python.xyz, and the answers were collected as the"
                        + " lookups finished. Keep the futures in the order you submitted them and read them in that"
                        + " order", free, List.of("python.xyz", "python.ninja", "python.zip"))
                .containsExactly("python.xyz", "python.ninja", "python.zip");
        assertThat(threads.made.size())
                .withFailMessage("the pool made %d threads for %d lookups and ran up to %d at once, but it must have"
                                + " WORKERS = %d threads: create it with Executors.newFixedThreadPool(WORKERS, threads)."
                                + " A cached pool starts a new thread for every lookup that finds the others busy",
                        threads.made.size(), domains.size(), inFlight.max(), FreeDomains.WORKERS)
                .isLessThanOrEqualTo(FreeDomains.WORKERS);
        assertEveryPoolThreadEnded();
    }

    @Test
    @Points(4)
    @DisplayName("on a failed lookup, throws its IOException, interrupts the other lookups and closes the pool")
    void stopsEverythingOnFailure() throws Exception {
        IOException down = new IOException("registry down");
        Blocker slow1 = new Blocker("slow-1.org", deadline, mayStop);
        Blocker slow2 = new Blocker("slow-2.org", deadline, mayStop);
        Map<String, Blocker> slow = Map.of("slow-1.org", slow1, "slow-2.org", slow2);

        Background<List<String>> caller = Background.start("caller", () -> FreeDomains.find(List.of("bad.org", "slow-1.org", "slow-2.org"),
                d -> {
                    if (d.equals("bad.org")) {
                        deadline.await(slow1.started);
                        deadline.await(slow2.started);
                        throw down;
                    }
                    slow.get(d).block();
                    return false;
                }, threads));
        try {
            awaitDoneOr(caller, () -> slow1.started.getCount() + slow2.started.getCount() == 0);
            if (caller.isDone()) {
                NotImplemented.rethrow(caller.thrown());
            }
            assertAllStarted(List.of(slow1, slow2));
            Stopping.check(caller, List.of(slow1, slow2), mayStop, deadline, "find()", "after bad.org failed, the lookup of",
                    "find() must notice the failed lookup (submit() each lookup and get() its Future: inside execute(),"
                            + " or caught in the task, the exception is lost) and then call shutdownNow() before leaving;"
                            + " a plain close() waits for every lookup to finish",
                    NOT_AWAITED);
            caller.join(new Deadline().remaining());
        } finally {
            mayStop.countDown();
            caller.stop();
        }

        Throwable thrown = caller.thrown();
        assertThat(thrown)
                .withFailMessage("expected the lookup's own IOException(\"registry down\"), but find() %s: unwrap"
                                + " the ExecutionException with getCause() and rethrow it",
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isSameAs(down)
                .isNotInstanceOf(ExecutionException.class);
        assertEveryPoolThreadEnded();
    }

    @Test
    @Points(3)
    @DisplayName("when the caller is interrupted, stops the lookups and lets the InterruptedException out")
    void stopsEverythingOnInterrupt() throws Exception {
        List<String> domains = List.of("a.org", "b.org", "c.org", "d.org");
        Map<String, Blocker> lookups = new LinkedHashMap<>();
        domains.forEach(d -> lookups.put(d, new Blocker(d, deadline, mayStop)));

        Background<List<String>> caller = Background.start("caller", () -> FreeDomains.find(domains, d -> {
            lookups.get(d).block();
            return false;
        }, threads));
        try {
            awaitDoneOr(caller, () -> lookups.values().stream().allMatch(b -> b.started.getCount() == 0));
            if (caller.isDone()) {
                NotImplemented.rethrow(caller.thrown());
            }
            assertAllStarted(List.copyOf(lookups.values()));

            caller.interrupt();
            Stopping.check(caller, List.copyOf(lookups.values()), mayStop, deadline, "find()",
                    "after the caller was interrupted, the lookup of",
                    "call shutdownNow() when get() throws InterruptedException; close() alone waits for the lookups",
                    NOT_AWAITED);
            caller.join(new Deadline().remaining());
        } finally {
            mayStop.countDown();
            caller.stop();
        }

        assertThat(caller.thrown())
                .withFailMessage("after the interrupt find() %s: never swallow an InterruptedException;"
                                + " stop the lookups with shutdownNow() and rethrow it",
                        caller.thrown() != null ? "threw " + caller.thrown() : "returned " + caller.value())
                .isInstanceOf(InterruptedException.class);
        assertEveryPoolThreadEnded();
    }
}
