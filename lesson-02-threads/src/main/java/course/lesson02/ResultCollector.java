package course.lesson02;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Exercise 3 · Getting results back from threads.
 *
 * <p>A thread runs a {@code Runnable}, whose {@code run()} returns {@code void}: whatever the
 * work computes is lost unless the thread puts it somewhere the caller can read it afterwards.
 * The lecture's recipe is "append it to a shared list". In Java that needs care: a plain
 * {@code ArrayList} that several threads add to at once loses elements or throws, and the
 * results land in the order the threads happened to finish.
 *
 * <p>Write {@link #callAll(List)}: run each {@code Callable} on its own platform thread, all at
 * the same time, and return what they returned, in the order of the tasks. If a task throws,
 * carry its exception back to the caller instead of losing it in the thread.
 */
public final class ResultCollector {
    private ResultCollector() {
    }

    /**
     * Calls every task on its own thread, all at the same time, and returns their values.
     *
     * <p>An interrupt of the calling thread while it waits is not swallowed: {@code callAll}
     * throws {@link InterruptedException} (or, as {@code ExecutorService.close()} does, goes on
     * waiting and returns with the interrupt status set).
     *
     * @param tasks the tasks to call
     * @param <T>   the type of the values
     * @return the value of task {@code i} at index {@code i}
     * @throws ExecutionException   if a task threw; its cause is the exception of the first task
     *                              (in task order) that threw
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public static <T> List<T> callAll(List<? extends Callable<? extends T>> tasks)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException(
                "not implemented yet: call each task on its own thread and return the values in task order");
    }
}
