package course.lesson05;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A fixed pool of worker threads that read jobs from one queue and write results to another:
 * the "jobs queue + results queue + N workers" pattern, built by hand.
 *
 * <p>The constructor starts exactly {@code workers} threads. Each worker loops: it takes a job
 * from the jobs queue, applies the work function to it and puts one {@link Result} on the
 * results queue: a {@link Result.Success} with the value, or a {@link Result.Failure} with the
 * exception if the job threw. A failing job never kills its worker, so the pool keeps its size.
 *
 * <p>{@link #shutdown()} puts one poison pill per worker behind the jobs already submitted. A
 * worker that takes a pill leaves its loop, so once the queue drains every worker has ended.
 * Later submissions are rejected with {@link IllegalStateException}.
 *
 * <p>Sample usage:
 * <pre>{@code
 * try (var pool = new WorkerPool<String, Boolean>(4, domain -> isFree(domain))) {
 *     domains.forEach(pool::submit);
 *     for (int i = 0; i < domains.size(); i++) {
 *         switch (pool.results().take()) {
 *             case Result.Success<String, Boolean> s -> System.out.println(s.job() + " free: " + s.value());
 *             case Result.Failure<String, Boolean> f -> System.out.println(f.job() + " failed: " + f.error());
 *         }
 *     }
 * }                                                  // close() = shutdown() + awaitTermination()
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before {@code submit(job)}
 * <i>happen-before</i> the work on that job in a worker, which <i>happens-before</i> the
 * retrieval of its result from {@link #results()} in another thread. The end of every worker
 * <i>happens-before</i> a successful return of {@link #awaitTermination(Duration)}.
 *
 * @param <J> the type of the jobs
 * @param <R> the type of the values the jobs produce
 */
public final class WorkerPool<J, R> implements AutoCloseable {

    /** What travels on the jobs queue: a real job or the poison pill. */
    private sealed interface Task<J> {
    }

    private record Job<J>(J job) implements Task<J> {
    }

    private record Stop<J>() implements Task<J> {
    }

    private final BlockingQueue<Task<J>> jobs = new LinkedBlockingQueue<>();
    private final BlockingQueue<Result<J, R>> results = new LinkedBlockingQueue<>();
    private final Function<? super J, ? extends R> work;
    private final List<Thread> workers;
    private final Object submitLock = new Object();
    private boolean shutdown;   // guarded by submitLock

    /** A pool of {@code workers} platform threads named {@code worker-1}, {@code worker-2}, … */
    public WorkerPool(int workers, Function<? super J, ? extends R> work) {
        this(workers, work, Thread.ofPlatform().name("worker-", 1).factory());
    }

    /**
     * Creates the queues and starts exactly {@code workers} threads made by {@code threads}.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public WorkerPool(int workers, Function<? super J, ? extends R> work, ThreadFactory threads) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.work = Objects.requireNonNull(work, "work");
        List<Thread> created = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            created.add(threads.newThread(this::runWorker));
        }
        this.workers = List.copyOf(created);
        this.workers.forEach(Thread::start);
    }

    private void runWorker() {
        try {
            while (true) {
                Task<J> task = jobs.take();
                if (!(task instanceof Job<J>(J job))) {
                    return;                                   // poison pill: this worker is done
                }
                Result<J, R> result;
                try {
                    result = new Result.Success<>(job, work.apply(job));
                } catch (RuntimeException | Error e) {       // the job failed, the worker lives on
                    result = new Result.Failure<>(job, e);
                }
                results.put(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();               // asked to stop at once: leave
        }
    }

    /**
     * Queues {@code job} for the workers; never blocks.
     *
     * @throws IllegalStateException after {@link #shutdown()}
     */
    public void submit(J job) {
        Objects.requireNonNull(job, "job");
        synchronized (submitLock) {
            if (shutdown) {
                throw new IllegalStateException("the pool is shut down");
            }
            jobs.add(new Job<>(job));
        }
    }

    /** The queue the workers put one {@link Result} per job on, in completion order. */
    public BlockingQueue<Result<J, R>> results() {
        return results;
    }

    /**
     * Lets the jobs submitted so far run, then stops every worker: one poison pill per worker,
     * queued behind the jobs. Returns at once; calling it again has no effect.
     */
    public void shutdown() {
        synchronized (submitLock) {
            if (shutdown) {
                return;
            }
            shutdown = true;
            for (int i = 0; i < workers.size(); i++) {
                jobs.add(new Stop<>());
            }
        }
    }

    /**
     * Waits up to {@code timeout} for every worker thread to end.
     *
     * @return true if all workers have ended, false if the timeout elapsed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            worker.join(Duration.ofNanos(left));
        }
        return workers.stream().noneMatch(Thread::isAlive);
    }

    /**
     * {@link #shutdown()}, then waits until every worker has ended, like
     * {@code ExecutorService.close()}. Never throws {@link InterruptedException}: an interrupt while
     * waiting does not end the wait (the queued jobs still run), and the interrupt status is set
     * again before this method returns, so the caller can still see it.
     */
    @Override
    public void close() {
        shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (awaitTermination(Duration.ofDays(1))) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;                           // remember it, keep waiting
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
