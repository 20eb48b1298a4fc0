package course.lesson07;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the method under test on a thread of its own, so that the test can watch it from outside:
 * has it returned, or is it still inside, waiting (for a future, for a pool to terminate, for a
 * thread to end)? Together with {@link Blocker}, which holds interrupted tasks until the test lets
 * them end, this proves "returns only after its tasks have stopped" without any race: the test
 * holds a task, and the method must be seen waiting for it, not returning.
 */
final class Caller<T> {
    private final Thread thread;
    private volatile boolean done;
    private volatile T value;
    private volatile Throwable thrown;

    private Caller(Callable<T> call) {
        thread = Thread.ofPlatform().name("caller").unstarted(() -> {
            try {
                value = call.call();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                done = true;
            }
        });
    }

    static <T> Caller<T> start(Callable<T> call) {
        Caller<T> caller = new Caller<>(call);
        caller.thread.start();
        return caller;
    }

    /** Whether the call has returned or thrown. */
    boolean done() {
        return done;
    }

    /**
     * Whether the call is still inside and parked: waiting for something (a future, a latch, a
     * pool's termination, a thread), not merely acquiring a lock on its way out.
     */
    boolean parkedInside() {
        if (done) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        Object blocker = LockSupport.getBlocker(thread);
        return blocker == null || !blocker.getClass().getName().startsWith("java.util.concurrent.locks.Reentrant");
    }

    /** Interrupts the thread running the call. */
    void interrupt() {
        thread.interrupt();
    }

    /** Waits for the call to end, at most until the deadline; whether it ended. */
    boolean join(Deadline deadline) throws InterruptedException {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
        return !thread.isAlive();
    }

    /** Interrupts the call if it is still running and waits for its thread to end (test clean-up). */
    void stop() throws InterruptedException {
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(course.grading.Delays.CEILING.toMillis());
        }
    }

    T value() {
        return value;
    }

    Throwable thrown() {
        return thrown;
    }

    /** The value, or what the call threw (rethrown as it was). */
    T get() throws Exception {
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return value;
    }
}
