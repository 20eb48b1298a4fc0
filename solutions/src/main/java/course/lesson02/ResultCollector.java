package course.lesson02;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Calls tasks on their own threads and gives their values back in task order.
 *
 * <p>A thread's {@code run()} returns nothing, so each thread leaves its value in a slot that
 * belongs to it alone: thread {@code i} writes {@code values[i]} (or {@code errors[i]} if its task
 * threw). No two threads write the same slot, so no lock is needed, nothing is lost, and the
 * order is the order of the tasks however the threads finish. {@code join()} makes the slots
 * safe to read afterwards.
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<Callable<Integer>> lengths = Stream.of("a", "bb", "ccc")
 *         .<Callable<Integer>>map(s -> s::length)
 *         .toList();
 * List<Integer> result = ResultCollector.callAll(lengths);   // [1, 2, 3]
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a task thread, including writing its slot,
 * <i>happen-before</i> the return from {@code join()} on that thread, so after joining every
 * thread the caller sees every value; the values need neither {@code volatile} nor a lock.
 */
public final class ResultCollector {
    private ResultCollector() {
    }

    /**
     * Calls every task on its own platform thread, all at the same time, waits for all of them,
     * and returns their values.
     *
     * @param tasks the tasks to call
     * @param <T>   the type of the values
     * @return the value of task {@code i} at index {@code i} ({@code null} only where a task
     *         returned {@code null})
     * @throws ExecutionException   if a task threw, after every thread has finished; its cause is
     *                              the exception of the first task (in task order) that threw
     * @throws InterruptedException if the calling thread is interrupted while it waits; the task
     *                              threads are interrupted too
     */
    public static <T> List<T> callAll(List<? extends Callable<? extends T>> tasks)
            throws InterruptedException, ExecutionException {
        int n = tasks.size();
        Object[] values = new Object[n];
        Throwable[] errors = new Throwable[n];
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            Callable<? extends T> task = tasks.get(i);
            Thread thread = Thread.ofPlatform().name("call-" + i).unstarted(() -> {
                try {
                    values[slot] = task.call();
                } catch (Throwable t) {
                    errors[slot] = t;      // carried back, not lost in this thread
                }
            });
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        for (int i = 0; i < n; i++) {
            if (errors[i] != null) {
                throw new ExecutionException("task " + i + " failed", errors[i]);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> result = (List<T>) Arrays.asList(values);
        return result;
    }
}
