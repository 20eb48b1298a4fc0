package course.lesson02;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs tasks on new threads, all at the same time, and waits for all of them.
 *
 * <p>{@link #runAll(List)} creates one platform thread per task and {@linkplain Thread#start()
 * starts} every one of them before it {@linkplain Thread#join() joins} the first. Starting them all
 * first is what lets the tasks overlap: joining each thread right after starting it would run
 * them one after another, just on different threads.
 *
 * <p>Sample usage:
 * <pre>{@code
 * List<Runnable> greetings = List.of(
 *         () -> System.out.println("hello from " + Thread.currentThread().getName()),
 *         () -> System.out.println("hi from " + Thread.currentThread().getName()));
 * TaskRunner.runAll(greetings);   // both lines are printed before runAll returns
 * }</pre>
 *
 * <p>Memory consistency effects: actions in the caller before {@code runAll} <i>happen-before</i>
 * every task starts (by {@code Thread.start()}); everything each task does <i>happens-before</i>
 * {@code runAll} returns (by {@code Thread.join()}).
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /**
     * Runs every task on its own new thread, all at the same time, and waits for all of them.
     * A task that throws ends only its own thread (its exception goes to that thread's uncaught
     * exception handler); the other tasks still run, and {@code runAll} still waits for them.
     *
     * @param tasks the tasks to run
     * @throws InterruptedException if the calling thread is interrupted while it waits; the task
     *                              threads are interrupted too
     */
    public static void runAll(List<? extends Runnable> tasks) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            Thread thread = new Thread(tasks.get(i), "task-" + i);
            thread.start();                 // start(), not run(): run() would work on this thread
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) { // join only after every thread was started
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
    }
}
