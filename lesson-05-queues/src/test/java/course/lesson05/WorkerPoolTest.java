package course.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Background;
import course.grading.Interleaving;
import course.grading.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 2 · A worker pool with poison pills")
class WorkerPoolTest {

    /** Makes the pool's threads and remembers them, so the test can count and watch them. */
    private static final class RecordingFactory implements ThreadFactory {
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final ThreadFactory delegate = Thread.ofPlatform().name("pool-worker-", 1).factory();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = delegate.newThread(r);
            threads.add(t);
            return t;
        }

        long alive() {
            return threads.stream().filter(Thread::isAlive).count();
        }
    }

    private final RecordingFactory factory = new RecordingFactory();
    private final CountDownLatch gate = new CountDownLatch(1);
    private WorkerPool<?, ?> pool;

    @AfterEach
    void stopEverything() throws InterruptedException {
        gate.countDown();
        if (pool != null) {
            try {
                pool.shutdown();
                pool.awaitTermination(Delays.THREAD_EXIT);
            } catch (RuntimeException | Error | InterruptedException ignored) {
                // the verdict was given by the test; here we only clean up
            }
        }
        factory.threads.forEach(Thread::interrupt);
        joinAll(factory.threads, Delays.THREAD_EXIT);
    }

    /** Joins the threads that were started, all within one shared deadline. */
    private static void joinAll(List<Thread> threads, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0 && t.getState() != Thread.State.NEW) {
                t.join(Duration.ofNanos(left));
            }
        }
    }

    private <J, R> WorkerPool<J, R> pool(int workers, Function<? super J, ? extends R> work) {
        WorkerPool<J, R> p = new WorkerPool<>(workers, work, factory);
        pool = p;
        return p;
    }

    /** Fails at once when a job runs on a thread that is not one of the pool's workers. */
    private void requireWorkerThread() {
        Thread current = Thread.currentThread();
        if (!factory.threads.contains(current)) {
            throw new AssertionError("a job ran on thread '" + current.getName() + "', not on one of the pool's workers: "
                    + "submit() must only put the job on the jobs queue, and the workers must be made by the ThreadFactory");
        }
    }

    /** Blocks a job until the test opens the gate (a ceiling guards against broken code). */
    private void passGate() {
        passGate(Delays.CEILING);
    }

    /** Blocks a job until the test opens the gate, at most {@code ceiling}. */
    private void passGate(Duration ceiling) {
        requireWorkerThread();
        try {
            if (!gate.await(ceiling.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("a worker was interrupted while running a job", e);
        }
    }

    private static <J, R> List<Result<J, R>> collect(WorkerPool<J, R> pool, int expected) throws InterruptedException {
        return collect(pool, expected, "every job must put exactly one Result there "
                + "(are the workers started? are they all taking from the same jobs queue?)");
    }

    private static <J, R> List<Result<J, R>> collect(WorkerPool<J, R> pool, int expected, String hint)
            throws InterruptedException {
        List<Result<J, R>> results = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            Result<J, R> r = pool.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                fail("only " + i + " of " + expected + " results arrived on results(): " + hint);
            }
            results.add(r);
        }
        return results;
    }

    /**
     * Requires {@code r} to be a {@code Success} carrying {@code job} and {@code value}, compared component by
     * component with the expected (JDK) values: never through {@code Result}'s own equals(), which a student can
     * edit, so an equals that ignores a component cannot make a wrong result look right.
     */
    private static void assertSuccess(Result<?, ?> r, Object job, Object value, String what) {
        boolean ok = r instanceof Result.Success<?, ?> s && job.equals(s.job()) && value.equals(s.value());
        if (!ok) {
            fail(what + ": expected Result.Success with job " + job + " and value " + value + ", but got " + describe(r)
                    + ". Put new Result.Success<>(job, work.apply(job)) on results(): the job you took and the value "
                    + "the work function returned for it");
        }
    }

    /** A result as its components say (not its toString(), which a student can edit). */
    private static String describe(Result<?, ?> r) {
        if (r instanceof Result.Success<?, ?> s) {
            return "Success(job " + s.job() + ", value " + s.value() + ")";
        }
        if (r instanceof Result.Failure<?, ?> f) {
            return "Failure(job " + f.job() + ", error " + f.error() + ")";
        }
        return r == null ? "null" : r.getClass().getSimpleName() + "(job " + r.job() + ")";
    }

    @Test
    @Points(3)
    @DisplayName("creates exactly N worker threads with the given ThreadFactory, starts them, and reuses them for every job")
    void createsExactlyNWorkers() throws InterruptedException {
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        WorkerPool<Integer, Integer> p = pool(4, job -> {
            ranOn.add(Thread.currentThread());
            return job;
        });
        assertThat(factory.threads)
                .withFailMessage("the pool made %d threads with the ThreadFactory, expected exactly 4 (one per worker, "
                        + "made in the constructor)", factory.threads.size())
                .hasSize(4);
        try {
            await().atMost(Delays.CEILING).until(() -> factory.threads.stream()
                    .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TERMINATED));
        } catch (ConditionTimeoutException e) {
            fail("the worker threads are not all waiting for jobs: states "
                    + factory.threads.stream().map(t -> t.getName() + "=" + t.getState()).toList()
                    + " (NEW means never started: call start() in the constructor; RUNNABLE means busy-waiting: use take())");
        }
        assertThat(factory.threads.stream().filter(t -> !t.isAlive()).map(Thread::getName).toList())
                .withFailMessage("worker threads ended before any job was submitted: a worker must loop on take(), "
                        + "not stop when the queue is empty")
                .isEmpty();

        for (int i = 0; i < 40; i++) {
            p.submit(i);
        }
        collect(p, 40);
        assertThat(factory.threads)
                .withFailMessage("40 jobs made the pool create %d threads, expected still 4: workers loop over the jobs queue, "
                        + "no thread per job", factory.threads.size())
                .hasSize(4);
        assertThat(ranOn)
                .withFailMessage("jobs ran on %s, expected only the pool's own workers %s",
                        ranOn.stream().map(Thread::getName).sorted().toList(),
                        factory.threads.stream().map(Thread::getName).toList())
                .isSubsetOf(factory.threads);

        // workers < 1 is refused: a pool without workers would accept jobs and never run them.
        RecordingFactory zeroFactory = new RecordingFactory();
        List<WorkerPool<Integer, Integer>> zeroPool = new ArrayList<>();
        Throwable zero = catchThrowable(() -> zeroPool.add(new WorkerPool<>(0, job -> job, zeroFactory)));
        for (WorkerPool<Integer, Integer> z : zeroPool) {
            z.shutdown();
            z.awaitTermination(Delays.THREAD_EXIT);
        }
        assertThat(zero)
                .withFailMessage("new WorkerPool(0, ...) %s: with workers < 1 the constructor must throw"
                        + " IllegalArgumentException (a pool without workers would accept jobs and never run them)."
                        + " Check the argument first, before making any thread", zero == null
                        ? "returned a pool" + (zeroFactory.threads.isEmpty() ? "" : " of " + zeroFactory.threads.size()
                                + " threads")
                        : "threw " + zero)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(4)
    @DisplayName("N workers run N jobs at the same time, and never more than N")
    void runsNJobsAtTheSameTime() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        WorkerPool<Integer, Integer> p = pool(3, job -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                passGate();
            } finally {
                inFlight.decrementAndGet();
            }
            return job;
        });
        for (int i = 0; i < 7; i++) {
            p.submit(i);
        }
        try {
            await().atMost(Delays.CEILING).until(() -> inFlight.get() >= 3);
        } catch (ConditionTimeoutException e) {
            fail("only " + maxInFlight.get() + " of 3 jobs were running at the same time: each of the 3 workers must "
                    + "take its own job from the shared queue (did submit() run the job itself, or is only one worker started?)");
        }
        assertThat(maxInFlight.get())
                .withFailMessage("%d jobs ran at the same time in a pool of 3 workers: the pool must not start "
                        + "more threads than workers", maxInFlight.get())
                .isEqualTo(3);

        gate.countDown();
        collect(p, 7);
        assertThat(maxInFlight.get())
                .withFailMessage("%d jobs ran at the same time in a pool of 3 workers", maxInFlight.get())
                .isEqualTo(3);
    }

    @Test
    @Points(3)
    @DisplayName("every submitted job produces exactly one result, carrying its own value")
    void everyJobProducesExactlyOneResult() throws InterruptedException {
        WorkerPool<Integer, Integer> p = pool(4, job -> job * job);
        int jobs = 200;
        for (int i = 0; i < jobs; i++) {
            p.submit(i);
        }
        List<Result<Integer, Integer>> results = collect(p, jobs);

        for (Result<Integer, Integer> r : results) {
            if (r.job() == null) {
                fail("a result on results() has no job (job() is null): put Result.Success(job, value) with the job you took");
            }
            assertSuccess(r, r.job(), r.job() * r.job(), "the job squares its number, so every result must be Success(job, job * job)");
        }
        Set<Integer> seen = results.stream().map(Result::job).collect(Collectors.toCollection(HashSet::new));
        assertThat(seen)
                .withFailMessage("results cover %d distinct jobs out of %d: some job was processed twice and another never",
                        seen.size(), jobs)
                .isEqualTo(IntStream.range(0, jobs).boxed().collect(Collectors.toSet()));
        assertThat(p.results().poll(50, TimeUnit.MILLISECONDS))
                .withFailMessage("an extra result appeared after one result per job: put exactly one Result per job")
                .isNull();
    }

    @Test
    @Points(3)
    @DisplayName("a job that throws (an exception or an Error) is reported as a Failure, and its worker lives on to run the next job")
    void aFailingJobDoesNotKillItsWorker() throws InterruptedException {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        WorkerPool<String, String> p = pool(1, job -> {
            ranOn.add(Thread.currentThread());
            requireWorkerThread();
            if (job.startsWith("bad")) {
                throw new IllegalArgumentException("no such domain: " + job);
            }
            if (job.startsWith("deep")) {
                throw new StackOverflowError("runaway recursion on " + job);
            }
            return job.toUpperCase();
        });
        p.submit("bad.example");
        p.submit("good.example");

        Result<String, String> first = p.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            fail("no result arrived for a job that threw"
                    + (factory.alive() == 0 ? " and the only worker thread died" : "")
                    + ": catch the job's exception inside the worker loop and put a Result.Failure on results()");
        }
        assertThat(first)
                .withFailMessage("a job that threw IllegalArgumentException was reported as %s, "
                        + "expected Result.Failure(job, the exception)", first)
                .isInstanceOfSatisfying(Result.Failure.class, f -> {
                    assertThat(f.job()).isEqualTo("bad.example");
                    assertThat(f.error()).isInstanceOf(IllegalArgumentException.class);
                });

        Result<String, String> second = p.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        if (second == null) {
            fail(factory.alive() == 0
                    ? "the worker died after a job threw, so the next job never ran: catch the exception per job, "
                            + "inside the loop, and keep looping"
                    : "the job after a failing job never produced a result: the worker must keep taking jobs after a failure");
        }
        assertSuccess(second, "good.example", "GOOD.EXAMPLE", "the job after a failing job");
        assertThat(ranOn)
                .withFailMessage("the two jobs ran on %s: the worker died after the failure and another thread took over; "
                        + "catch the exception inside the loop so the same worker carries on",
                        ranOn.stream().map(Thread::getName).toList())
                .hasSize(2)
                .containsOnly(ranOn.get(0));

        p.submit("deep.example");
        p.submit("after.example");
        String notAnException = "a job that threw StackOverflowError (an Error, not an Exception) %s: catch (Exception e) "
                + "lets Errors through, and they kill the worker. Catch RuntimeException | Error (or Throwable) around "
                + "the job, so every job reports one Result and the worker lives on";
        Result<String, String> third = p.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        if (third == null) {
            fail(notAnException.formatted("produced no result" + (factory.alive() == 0 ? " and killed the only worker" : "")));
        }
        assertThat(third)
                .withFailMessage(notAnException.formatted("was reported as " + third))
                .isInstanceOfSatisfying(Result.Failure.class, f -> {
                    assertThat(f.job()).isEqualTo("deep.example");
                    assertThat(f.error()).isInstanceOf(StackOverflowError.class);
                });
        Result<String, String> fourth = p.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        if (fourth == null) {
            fail(notAnException.formatted("killed its worker, so the next job never ran"));
        }
        assertSuccess(fourth, "after.example", "AFTER.EXAMPLE", "the job after a job that threw an Error");
        assertThat(ranOn)
                .withFailMessage("the four jobs ran on %s: a failing job must not end its worker; the same worker carries on",
                        ranOn.stream().map(Thread::getName).toList())
                .hasSize(4)
                .containsOnly(ranOn.get(0));
        assertThat(factory.threads).as("threads the pool of 1 worker created").hasSize(1);
    }

    @Test
    @Points(3)
    @DisplayName("shutdown() lets the jobs already submitted finish, then every worker thread ends (one poison pill per worker)")
    void shutdownFinishesQueuedJobsThenStopsEveryWorker() throws InterruptedException {
        WorkerPool<Integer, Integer> p = pool(4, job -> {
            passGate();
            return job;
        });
        for (int i = 0; i < 10; i++) {
            p.submit(i);
        }
        p.shutdown();
        gate.countDown();

        List<Result<Integer, Integer>> results = collect(p, 10, "shutdown() must let the jobs submitted before it "
                + "run to the end. Put the poison pills behind the jobs; interrupting the workers drops the queued work");
        assertThat(results)
                .withFailMessage("after shutdown() some jobs submitted before it failed instead of running: %s "
                        + "(interrupting the workers drops their work; put poison pills behind the jobs instead)",
                        results.stream().filter(r -> r instanceof Result.Failure).toList())
                .allMatch(r -> r instanceof Result.Success);

        joinAll(factory.threads, Delays.CEILING);
        List<String> stillAlive = factory.threads.stream().filter(Thread::isAlive)
                .map(t -> t.getName() + " (" + t.getState() + ")").toList();
        assertThat(stillAlive)
                .withFailMessage("after shutdown() %d of %d workers are still alive: %s. One poison pill stops one worker: "
                        + "put as many pills as there are workers", stillAlive.size(), factory.threads.size(), stillAlive)
                .isEmpty();
        assertThat(p.awaitTermination(Duration.ofMillis(100)))
                .withFailMessage("awaitTermination() returned false although every worker thread has ended")
                .isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("submit() after shutdown() throws IllegalStateException, a submit() racing shutdown() is rejected or runs, and a second shutdown() is harmless")
    void submitAfterShutdownIsRejected() throws InterruptedException {
        WorkerPool<Integer, Integer> p = pool(2, job -> job);
        p.submit(1);
        p.shutdown();
        p.shutdown();
        Throwable thrown = catchThrowable(() -> p.submit(2));
        assertThat(thrown)
                .withFailMessage("submit() after shutdown() %s: the job would sit behind the poison pills and never run; "
                        + "throw IllegalStateException", thrown == null ? "was accepted" : "threw " + thrown)
                .isInstanceOf(IllegalStateException.class);
        assertSuccess(collect(p, 1, "the job submitted before shutdown() never ran: put the poison pills behind the jobs")
                .getFirst(), 1, 1, "the job submitted before shutdown()");
        assertThat(p.awaitTermination(Delays.CEILING))
                .withFailMessage("the workers did not all end after shutdown() (called twice): %d of 2 still alive. "
                        + "Put one poison pill per worker, and only on the first shutdown()", factory.alive())
                .isTrue();

        submitRacingShutdownIsRejectedOrRuns();
    }

    /**
     * A submit() paused right after it has read the pool's state (the grader's {@link Interleaving}), while
     * another thread runs shutdown() to its end, or until it waits for a lock the paused submit() holds. Then the
     * submit() goes on: it must throw, or its job must run; a job accepted behind the pills runs never.
     */
    private void submitRacingShutdownIsRejectedOrRuns() throws InterruptedException {
        WorkerPool<Integer, Integer> raced = pool(2, job -> job);
        Background<Void> submitter;
        Background<Void> shutter;
        try (Interleaving race = Interleaving.of(2, WorkerPool.class)) {
            race.join();   // the test thread is the other party: while it runs, the paused submit() stays paused
            submitter = Background.run("submits", () -> {
                race.join();
                raced.submit(3);
            });
            spinUntil(() -> submitter.isDone() || Background.isIn(submitter.thread(), Interleaving.class));
            shutter = Background.run("shuts down", raced::shutdown);
            spinUntil(() -> shutter.isDone() || Background.isTakingLock(shutter.thread()));
            submitter.join(Delays.CEILING);   // the test thread waits: the paused submit() goes on
            shutter.join(Delays.CEILING);
        }
        if (!submitter.join(Delays.CEILING)) {
            fail("submit(3), racing shutdown(), was still running " + Delays.CEILING.toSeconds() + " s later: it is "
                    + Background.where(submitter.thread()) + ". submit() never blocks: check the flag and queue the job");
        }
        shutter.join("shutdown(), racing submit(3)");
        Throwable rejected = submitter.thrown();
        if (rejected == null) {
            Result<Integer, Integer> r = raced.results().poll(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                fail("submit(3) ran at the same moment as shutdown(): it had checked the shutdown flag (not shut down "
                        + "yet) when shutdown() set it and put its poison pills, then it queued its job behind the poison "
                        + "pills and returned normally, so the job never ran and nobody was told. Checking the flag and "
                        + "queueing the job are two steps: guard them, and shutdown()'s setting of the flag and putting "
                        + "of the pills, with the same lock (synchronized (lock) { ... } in both methods)");
            }
            assertSuccess(r, 3, 3, "the job of a submit() that raced shutdown() and was accepted");
        } else {
            assertThat(rejected)
                    .withFailMessage("a submit() racing shutdown() threw %s: once shut down, reject with "
                            + "IllegalStateException", rejected)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(raced.awaitTermination(Delays.CEILING))
                .withFailMessage("the workers did not all end after a shutdown() that raced a submit(): %d still alive",
                        factory.alive())
                .isTrue();
    }

    /** Waits for {@code condition} on a thread that stays runnable (a parked one would let a paused thread go on). */
    private static void spinUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Delays.CEILING.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            Thread.yield();
        }
    }

    /** Blocks a job until the test opens the gate, ignoring interrupts (a job that does not react to them). */
    private void passGateIgnoringInterrupts() {
        requireWorkerThread();
        long deadline = System.nanoTime() + Delays.CEILING.toNanos();
        while (gate.getCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the test never opened the gate");
            }
            try {
                gate.await(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ignored) {
                // this job does not react to interrupts: the pool must wait for it anyway
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("close() waits until every worker has ended; an interrupt neither cuts the wait short nor gets lost")
    void closeWaitsForTheWorkersAndKeepsTheInterrupt() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        WorkerPool<Integer, Integer> p = pool(2, job -> {
            running.incrementAndGet();
            passGateIgnoringInterrupts();
            done.incrementAndGet();
            return job;
        });
        p.submit(1);
        p.submit(2);
        try {
            await().atMost(Delays.CEILING).until(() -> running.get() == 2);
        } catch (ConditionTimeoutException e) {
            fail("only " + running.get() + " of 2 jobs started in a pool of 2 workers");
        }

        AtomicBoolean interruptedAfterClose = new AtomicBoolean();
        AtomicInteger doneAtClose = new AtomicInteger(-1);
        Background<Void> closer = Background.run("closer", () -> {
            p.close();
            interruptedAfterClose.set(Thread.currentThread().isInterrupted());
            doneAtClose.set(done.get());
        });
        try {
            switch (closer.watch(() -> true, WorkerPoolTest::isWaitingNotSleeping)) {
                case WAITING -> { }
                case RETURNED -> {
                    closer.get("");
                    fail("close() returned while " + (2 - doneAtClose.get()) + " of 2 jobs were still running: "
                            + "close() must wait until every worker has ended (shutdown() alone only queues the pills), "
                            + "like ExecutorService.close()");
                }
                case SLEEPING -> fail(pollsWithSleep("close()", closer.thread()));
                case NEITHER -> fail("close() is busy-waiting (thread 'closer' stayed RUNNABLE): wait with "
                        + "awaitTermination()/Thread.join()");
            }

            closer.thread().interrupt();
            // Parked with the interrupt status clear, ten polls in a row (Background.watch). A loop that sets the
            // status again inside it passes through such a state on every turn: Object.wait() (inside Thread.join)
            // reports TIMED_WAITING while it clears the status and builds the InterruptedException. So the test
            // then also holds the monitors of the worker Thread objects, which Thread.join() must take to start
            // waiting again: a close() that waits stays parked, one that spins blocks on the first monitor.
            String spins = "close() spins after its thread was interrupted (thread 'closer' is %s): if you set the "
                    + "interrupt again inside the waiting loop, every wait throws at once. Remember that it happened, "
                    + "keep waiting, and call Thread.currentThread().interrupt() after the loop";
            Background.Seen afterInterrupt = closer.watch(() -> !closer.thread().isInterrupted(),
                    WorkerPoolTest::isWaitingNotSleeping);
            if (afterInterrupt == Background.Seen.SLEEPING) {
                fail(pollsWithSleep("close(), once its thread was interrupted,", closer.thread()));
            }
            if (afterInterrupt == Background.Seen.WAITING) {
                // Ten polls in a row parked (it waits) or BLOCKED on a monitor (it spins), whichever comes first.
                String blocked = holdingMonitors(factory.threads, 0, () -> {
                    int[] inARow = new int[2];
                    Background.until(Delays.CEILING, () -> {
                        Thread t = closer.thread();
                        inARow[0] = !t.isInterrupted() && isWaitingNotSleeping(t) ? inARow[0] + 1 : 0;
                        inARow[1] = t.getState() == Thread.State.BLOCKED ? inARow[1] + 1 : 0;
                        return closer.isDone() || inARow[0] >= 10 || inARow[1] >= 10;
                    });
                    return inARow[1] >= 10 ? Background.where(closer.thread()) : null;
                });
                if (blocked != null) {
                    fail(spins.formatted(blocked + ", blocked on a worker's monitor on its way into Thread.join() again"));
                }
            } else if (afterInterrupt == Background.Seen.NEITHER) {
                fail(spins.formatted(Background.where(closer.thread())));
            }
            if (closer.isDone()) {
                Throwable t = closer.failure();
                fail(t != null
                        ? "close() threw " + t + " when its thread was interrupted while waiting: close() must not throw "
                                + "(like ExecutorService.close()); catch InterruptedException, keep waiting, and re-assert "
                                + "the interrupt at the end"
                        : "close() returned when its thread was interrupted, while " + (2 - doneAtClose.get()) + " of 2 "
                                + "jobs were still running: an interrupt must not cut the wait short. Catch "
                                + "InterruptedException, remember it, and keep waiting for the workers");
            }
        } finally {
            gate.countDown();
        }
        closer.get("close() did not return after every job had finished: did shutdown() queue one pill per worker?");
        assertThat(doneAtClose.get())
                .withFailMessage("close() returned while %d of 2 jobs were still running: wait until every worker has ended",
                        2 - doneAtClose.get())
                .isEqualTo(2);
        joinAll(factory.threads, Delays.CEILING);
        assertThat(factory.alive())
                .withFailMessage("%d workers were still alive after close() returned and the jobs were done: did "
                        + "shutdown() queue one poison pill per worker?", factory.alive())
                .isZero();
        assertThat(interruptedAfterClose.get())
                .withFailMessage("close() swallowed the interrupt: its thread was interrupted while waiting, but its "
                        + "interrupt status was clear after close() returned. Re-assert it before returning "
                        + "(Thread.currentThread().interrupt()) so the caller can still see it")
                .isTrue();
    }

    /** Runs {@code body} while holding the monitors of {@code objects}, from {@code from} on. */
    private static <T> T holdingMonitors(List<?> objects, int from, java.util.function.Supplier<T> body) {
        if (from == objects.size()) {
            return body.get();
        }
        synchronized (objects.get(from)) {
            return holdingMonitors(objects, from + 1, body);
        }
    }

    /** Parked in a real wait (join, a latch, a Condition), not asleep in a polling loop. */
    private static boolean isWaitingNotSleeping(Thread t) {
        return isParked(t) && !Background.isSleeping(t);
    }

    private static String pollsWithSleep(String call, Thread thread) {
        return call + " polls instead of waiting: thread '" + thread.getName() + "' is " + Background.where(thread)
                + ", in a loop around Thread.sleep() that checks isAlive() again and again. Wait in "
                + "Thread.join(Duration) with the time left of one deadline: it returns as soon as the worker ends";
    }

    private static boolean isParked(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    @Test
    @Points(1)
    @DisplayName("awaitTermination() waits at most its timeout in total, for all workers together, then returns false; interrupted, it throws InterruptedException")
    void awaitTerminationHonoursTimeoutAndInterrupt() throws InterruptedException {
        // Every worker is kept busy by a job that outlasts every wait of this test, so a wait without a timeout
        // is caught by the test's own ceiling, and so is a timeout given to each worker in turn: with 8 busy
        // workers, a quarter of the ceiling per worker adds up to twice the ceiling.
        int busy = 8;
        WorkerPool<Integer, Integer> p = pool(busy, job -> {
            passGate(Delays.CEILING.multipliedBy(4));
            return job;
        });
        for (int i = 0; i < busy; i++) {
            p.submit(i);
        }
        p.shutdown();

        Duration timeout = Delays.CEILING.dividedBy(4);
        Background<Boolean> shortWait = Background.start("awaits", () -> p.awaitTermination(timeout));
        Boolean ended = shortWait.get("awaitTermination(" + timeout.toMillis() + " ms) was still waiting "
                + Delays.CEILING.toSeconds() + " s later while all " + busy + " workers were busy: wait at most the "
                + "timeout in total, for all the workers together, then return false. Compute one deadline before the "
                + "loop and give each Thread.join(Duration) only the time left until it: the full timeout for each "
                + "worker waits " + busy + " times as long, and a join without a timeout waits for ever");
        assertThat(ended)
                .withFailMessage("awaitTermination() returned true while %d workers were still running a job: return "
                        + "whether every worker has ended (isAlive() is false for all), not just that the wait is over", busy)
                .isFalse();

        Background<Boolean> longWait = Background.start("awaits", () -> p.awaitTermination(Duration.ofMinutes(10)));
        try {
            switch (longWait.watch(() -> true, WorkerPoolTest::isWaitingNotSleeping)) {
                case WAITING -> { }
                case RETURNED -> fail("awaitTermination(10 minutes) returned " + longWait.get("")
                        + " while the workers were still running their jobs");
                case SLEEPING -> fail(pollsWithSleep("awaitTermination(10 minutes)", longWait.thread()));
                case NEITHER -> fail("awaitTermination(10 minutes) is busy-waiting (thread '" + longWait.thread().getName()
                        + "' is " + Background.where(longWait.thread()) + "): wait with Thread.join(Duration)");
            }
            longWait.thread().interrupt();
            longWait.thread().join(Delays.CEILING);
            assertThat(longWait.isDone())
                    .withFailMessage("awaitTermination() kept waiting after its thread was interrupted: let the "
                            + "InterruptedException propagate (it declares it)")
                    .isTrue();
            assertThat(longWait.failure())
                    .withFailMessage("an interrupted awaitTermination() ended with %s, expected InterruptedException",
                            longWait.failure() == null ? "a normal return" : longWait.failure())
                    .isInstanceOf(InterruptedException.class);
        } finally {
            longWait.stop();
            gate.countDown();
        }
        assertThat(p.awaitTermination(Delays.CEILING))
                .withFailMessage("awaitTermination() returned false although every job was let go after shutdown()")
                .isTrue();
    }
}
