package course.lesson07;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a function to every input on a fixed pool of threads and returns the results in input
 * order: the Java counterpart of Python's {@code ThreadPoolExecutor.map}.
 *
 * <p>All tasks are submitted before any result is awaited, so up to {@code workers} of them run
 * at the same time. The results are then collected by walking the futures in input order: a
 * result that is ready early simply waits in its future until its turn comes. The pool is closed
 * before the method returns, on success and on failure, so no worker thread outlives the call.
 *
 * <p>A task's exception reaches the caller as a {@link TaskFailedException} naming the input;
 * its cause is the task's own exception, unwrapped from the {@code ExecutionException}. The
 * first failing input in input order is reported, and the tasks still queued or running are
 * cancelled.
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<Boolean> free = InputOrderMap.map(List.of(".org", ".com", ".ru"), 4,
 *         tld -> registry.isFree("python" + tld));
 * }</pre>
 *
 * <p>Memory consistency effects: actions of the calling thread before {@code map} happen-before
 * every task; actions of each task happen-before {@code map} returns its result (through
 * {@code Future.get}), so the results need no further synchronisation.
 */
public final class InputOrderMap {

    private InputOrderMap() {
    }

    /**
     * Applies {@code fn} to every input on a pool of {@code workers} threads.
     *
     * @param inputs  the inputs, in the order the results must have
     * @param workers the number of threads in the pool (at least 1)
     * @param fn      the work to do for one input; may throw
     * @param <T>     the input type
     * @param <R>     the result type
     * @return one result per input, in input order
     * @throws TaskFailedException  when a task threw: names the input, the cause is the task's exception
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    public static <T, R> List<R> map(List<T> inputs, int workers, CheckedFunction<? super T, ? extends R> fn)
            throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                futures.add(pool.submit(() -> fn.apply(input)));        // submit everything first ...
            }
            List<R> results = new ArrayList<>(inputs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());                  // ... then wait, in input order
                } catch (ExecutionException e) {
                    pool.shutdownNow();                                 // stop the rest, then report
                    throw new TaskFailedException(inputs.get(i), e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    throw e;
                }
            }
            return results;
        }
    }
}
