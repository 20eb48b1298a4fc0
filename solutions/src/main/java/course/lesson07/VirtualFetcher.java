package course.lesson07;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a function to every input, each on a virtual thread of its own, and returns the
 * results in input order.
 *
 * <p>There is no pool size: every task gets a new virtual thread, so all of them can be blocked
 * at the same time (waiting for I/O, a lock, a latch) while a handful of carrier threads run
 * whichever ones are ready. This is the right executor for many blocking tasks; for CPU-bound
 * work it adds nothing over a pool with one thread per core.
 *
 * <p>The executor is closed before the method returns, which waits for every task to finish.
 * A task's exception reaches the caller as a {@link TaskFailedException} naming the input, with
 * the task's own exception as its cause; the first failing input in input order is reported and
 * the other tasks are interrupted.
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<String> pages = VirtualFetcher.fetchAll(urls, url -> http.send(get(url), ofString()).body());
 * }</pre>
 *
 * <p>Memory consistency effects: actions of the calling thread before {@code fetchAll}
 * happen-before every task; actions of each task happen-before {@code fetchAll} returns its result.
 */
public final class VirtualFetcher {

    private VirtualFetcher() {
    }

    /**
     * Applies {@code fn} to every input, each on its own virtual thread.
     *
     * @param inputs the inputs, in the order the results must have
     * @param fn     the work to do for one input; may block, may throw
     * @param <T>    the input type
     * @param <R>    the result type
     * @return one result per input, in input order
     * @throws TaskFailedException  when a task threw: names the input, the cause is the task's exception
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    public static <T, R> List<R> fetchAll(List<T> inputs, CheckedFunction<? super T, ? extends R> fn)
            throws InterruptedException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                futures.add(executor.submit(() -> fn.apply(input)));
            }
            List<R> results = new ArrayList<>(inputs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    executor.shutdownNow();
                    throw new TaskFailedException(inputs.get(i), e.getCause());
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    throw e;
                }
            }
            return results;
        }
    }
}
