package course.lesson07;

import java.util.List;

/**
 * Exercise 5 · Ten thousand blocking tasks in flight at once, on virtual threads.
 *
 * <p>A fixed pool caps how many tasks can <em>wait</em> at the same time: with 100 platform
 * threads, the 101st lookup queues even though the first 100 are only waiting for the network.
 * Virtual threads remove the cap: they cost a few hundred bytes while they wait, so one per task
 * is the normal way to use them, and ten thousand of them waiting at once is nothing special.
 *
 * <p>What to build: the same contract as {@link InputOrderMap#map}, but with no pool size.
 * <ul>
 *   <li>Run every input on a virtual thread of its own:
 *       {@code Executors.newVirtualThreadPerTaskExecutor()}, closed before returning. Do not pool
 *       virtual threads; there is no reason to reuse them.</li>
 *   <li>Return the results in input order.</li>
 *   <li>When a task throws, throw a {@link TaskFailedException} naming the input, with the
 *       task's own exception as the cause.</li>
 * </ul>
 *
 * <pre>{@code
 * List<String> pages = VirtualFetcher.fetchAll(urls, url -> http.send(get(url), ofString()).body());
 * }</pre>
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
        throw new UnsupportedOperationException(
                "not implemented yet: submit every input to Executors.newVirtualThreadPerTaskExecutor() and"
                        + " collect the results in input order");
    }
}
