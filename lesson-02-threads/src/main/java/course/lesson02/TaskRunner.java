package course.lesson02;

import java.util.List;

/**
 * Exercise 2 · {@code start()} versus {@code run()}, and starting every thread before joining any.
 *
 * <p>Write {@link #runAll(List)}: run every task on its own new thread, all of them at the same
 * time, and return only when every one of them has finished.
 *
 * <p>Two calls look alike and are not: {@code thread.start()} asks the JVM for a new thread that
 * then calls {@code run()}; calling {@code thread.run()} yourself just runs the task on
 * <em>your</em> thread, like any method call. And {@code thread.join()} waits for one thread to
 * end: where you call it decides whether your threads overlap or take turns.
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /**
     * Runs every task on its own new thread, all at the same time, and waits for all of them.
     * A task that throws ends only its own thread (its exception goes to that thread's uncaught
     * exception handler); the other tasks still run, and {@code runAll} still waits for them.
     *
     * <p>An interrupt of the calling thread while it waits is not swallowed: {@code runAll}
     * throws {@link InterruptedException} (or, as {@code ExecutorService.close()} does, goes on
     * waiting and returns with the interrupt status set).
     *
     * @param tasks the tasks to run
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public static void runAll(List<? extends Runnable> tasks) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: create one thread per task, start() them all, then join() them all");
    }
}
