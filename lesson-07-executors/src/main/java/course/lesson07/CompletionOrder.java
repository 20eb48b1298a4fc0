package course.lesson07;

import java.util.List;
import java.util.function.Consumer;

/**
 * Exercise 2 · Results in completion order, each paired with its input.
 *
 * <p>The Java counterpart of the lecture's {@code as_completed} loop over a
 * {@code future_to_addr} dictionary: run {@code fn} on every input in a pool of {@code workers}
 * threads and hand each outcome to {@code onEach} <em>as soon as it is ready</em>, fastest
 * first, so a slow input never holds back the report of a quick one.
 *
 * <p>What to build:
 * <ul>
 *   <li>Submit every input to a pool of {@code workers} threads (closed before returning).</li>
 *   <li>Receive the futures in the order they complete: an
 *       {@code ExecutorCompletionService} (its {@code take()} blocks until the next one is done)
 *       is the tool. Iterating over your list of futures calling {@code get()} is input order,
 *       not completion order.</li>
 *   <li>Remember which input each future belongs to (a {@code Map<Future<R>, T>}, as in the
 *       lecture) and pass a {@link Completed} to {@code onEach}: the result, or the task's own
 *       exception (unwrapped). A failure is reported and the other inputs go on.</li>
 *   <li>Call {@code onEach} on the calling thread only, one outcome at a time, so that the
 *       callback needs no locking. Do not call it from inside the tasks.</li>
 * </ul>
 *
 * <pre>{@code
 * CompletionOrder.forEachCompleted(domains, 4, registry::isFree,
 *         c -> System.out.println(c.input() + " free? " + c.result()));
 * }</pre>
 */
public final class CompletionOrder {

    private CompletionOrder() {
    }

    /**
     * Runs {@code fn} on every input and reports each outcome, paired with its input, in the
     * order the tasks complete.
     *
     * @param inputs  the inputs
     * @param workers the number of threads in the pool (at least 1)
     * @param fn      the work to do for one input; may throw
     * @param onEach  receives one {@link Completed} per input, on the calling thread
     * @param <T>     the input type
     * @param <R>     the result type
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    public static <T, R> void forEachCompleted(List<T> inputs, int workers,
                                               CheckedFunction<? super T, ? extends R> fn,
                                               Consumer<? super Completed<T, R>> onEach)
            throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: submit through an ExecutorCompletionService, remember each future's input,"
                        + " take() the futures as they complete and hand a Completed to onEach");
    }
}
