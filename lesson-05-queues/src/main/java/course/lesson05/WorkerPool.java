package course.lesson05;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A fixed pool of worker threads that read jobs from one queue and write results to another:
 * the lecture's "jobs queue + results queue + N workers", built by hand.
 *
 * <pre>{@code
 * try (var pool = new WorkerPool<String, Boolean>(4, domain -> isFree(domain))) {
 *     domains.forEach(pool::submit);
 *     for (int i = 0; i < domains.size(); i++) {
 *         System.out.println(pool.results().take());   // Success(domain, free) or Failure(domain, error)
 *     }
 * }                                                  // close() = shutdown() + awaitTermination()
 * }</pre>
 *
 * <p>What to build:
 * <ul>
 *   <li>The constructor creates <em>exactly</em> {@code workers} threads with the given
 *       {@link ThreadFactory} and starts them. No thread per job: that is the whole point.</li>
 *   <li>Each worker loops: take a job from the jobs queue (a {@link BlockingQueue}), run
 *       {@code work} on it, put a {@link Result} on the results queue. A job that throws,
 *       whatever it throws (an exception, or an {@link Error} such as {@link StackOverflowError}),
 *       must not kill its worker: catch it and report a {@link Result.Failure}.</li>
 *   <li>{@link #shutdown()} lets the jobs already submitted finish, then stops every worker.
 *       The classic way is a <em>poison pill</em>: a special marker put after the jobs; a worker
 *       that takes it exits its loop. One pill stops one worker, so put one per worker.
 *       Submitting after shutdown throws {@link IllegalStateException}.</li>
 *   <li>{@link #awaitTermination(Duration)} waits until every worker thread has ended, at most
 *       the given time in total, and says whether they all did. It waits, it does not poll: no
 *       loop around {@code Thread.sleep()}.</li>
 *   <li>{@link #close()} is {@code shutdown()} followed by waiting until every worker has ended,
 *       like {@code ExecutorService.close()}: it does not throw {@link InterruptedException}. If
 *       the calling thread is interrupted while it waits, {@code close()} keeps waiting until the
 *       workers have ended and then returns with the thread's interrupt status set again, so the
 *       interrupt is neither lost nor allowed to cut the wait short.</li>
 * </ul>
 * Hint: the jobs queue may hold more than jobs. A small private record or a sealed interface
 * ({@code Job(J job)} / {@code Stop}) keeps the poison pill apart from real jobs.
 *
 * @param <J> the type of the jobs
 * @param <R> the type of the values the jobs produce
 */
public final class WorkerPool<J, R> implements AutoCloseable {

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
        throw new UnsupportedOperationException(
                "not implemented yet: WorkerPool — create a jobs and a results BlockingQueue and start exactly `workers` threads from the ThreadFactory");
    }

    /**
     * Queues {@code job} for the workers; never blocks.
     *
     * @throws IllegalStateException after {@link #shutdown()}
     */
    public void submit(J job) {
        throw new UnsupportedOperationException("not implemented yet: WorkerPool.submit — put the job on the jobs queue (reject it after shutdown)");
    }

    /** The queue the workers put one {@link Result} per job on, in completion order. */
    public BlockingQueue<Result<J, R>> results() {
        throw new UnsupportedOperationException("not implemented yet: WorkerPool.results — return the results queue");
    }

    /**
     * Lets the jobs submitted so far run, then stops every worker. Returns at once; use
     * {@link #awaitTermination(Duration)} to wait. Calling it again has no effect.
     */
    public void shutdown() {
        throw new UnsupportedOperationException("not implemented yet: WorkerPool.shutdown — put one poison pill per worker after the jobs");
    }

    /**
     * Waits up to {@code timeout} for every worker thread to end.
     *
     * @return true if all workers have ended, false if the timeout elapsed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("not implemented yet: WorkerPool.awaitTermination — join every worker thread, within the timeout");
    }

    /**
     * {@link #shutdown()}, then waits until every worker has ended. Never throws
     * {@link InterruptedException}: an interrupt while waiting does not end the wait, and the
     * interrupt status is set again before this method returns.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException(
                "not implemented yet: WorkerPool.close — shutdown(), then wait for every worker; if interrupted, keep waiting and re-assert the interrupt at the end");
    }
}
