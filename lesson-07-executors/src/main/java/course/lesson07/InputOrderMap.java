package course.lesson07;

import java.util.List;

/**
 * Exercise 1 · Map over inputs with a pool, results in input order.
 *
 * <p>The Java counterpart of Python's {@code executor.map(fn, inputs)}: run {@code fn} on every
 * input in a pool of exactly {@code workers} threads and return the results in the order of the
 * inputs, whatever order the tasks happen to finish in.
 *
 * <p>What to build:
 * <ul>
 *   <li>Create a fixed pool of {@code workers} threads and close it before returning, on every
 *       path (an {@code ExecutorService} is {@link AutoCloseable} since Java 19).</li>
 *   <li>Submit <em>every</em> task first, keep the {@code Future}s in a list, and only then
 *       collect the results, in input order. Waiting for one result before submitting the next
 *       task turns the pool into a slow single thread.</li>
 *   <li>When a task throws, {@code Future.get()} throws an {@code ExecutionException} around it.
 *       Unwrap it: throw a {@link TaskFailedException} naming the input, with the task's own
 *       exception as the cause. If several tasks fail, report the first failing input in input
 *       order.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Boolean> free = InputOrderMap.map(List.of(".org", ".com", ".ru"), 4,
 *         tld -> registry.isFree("python" + tld));
 * }</pre>
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
        throw new UnsupportedOperationException(
                "not implemented yet: submit every input to a pool of `workers` threads, then collect the futures in input order");
    }
}
