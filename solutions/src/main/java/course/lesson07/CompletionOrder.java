package course.lesson07;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a function on every input in a fixed pool and reports each outcome, paired with its
 * input, in the order the tasks complete: the Java counterpart of Python's
 * {@code as_completed} over a {@code future_to_input} dictionary.
 *
 * <p>Tasks are submitted through an {@link ExecutorCompletionService}, which places each future
 * on an internal queue the moment it completes; {@code take()} therefore hands out the futures
 * fastest first. A {@code Map<Future, input>} pairs every future with the input it worked on.
 * Each outcome, a result or the task's own (unwrapped) exception, is passed to the callback
 * on the calling thread, one at a time, so the callback needs no synchronisation. A failing
 * task does not stop the others. The pool is closed before the method returns.
 *
 * <p>Sample usage:
 * <pre>{@code
 * CompletionOrder.forEachCompleted(domains, 4, registry::isFree,
 *         c -> System.out.println(c.input() + " free? " + c.result()));
 * }</pre>
 *
 * <p>Memory consistency effects: actions of a task happen-before the callback receives its
 * outcome (through {@code CompletionService.take} and {@code Future.get}); successive callbacks
 * run on the calling thread, in program order.
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
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            CompletionService<R> completion = new ExecutorCompletionService<>(pool);
            Map<Future<R>, T> inputOf = new HashMap<>();
            for (T input : inputs) {
                inputOf.put(completion.submit(() -> fn.apply(input)), input);
            }
            try {
                for (int remaining = inputOf.size(); remaining > 0; remaining--) {
                    Future<R> done = completion.take();                 // the next one to finish
                    T input = inputOf.get(done);
                    Completed<T, R> outcome;
                    try {
                        outcome = Completed.success(input, done.get()); // done: get() does not block
                    } catch (ExecutionException e) {
                        outcome = Completed.failure(input, e.getCause());
                    }
                    onEach.accept(outcome);
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;
            }
        }
    }
}
