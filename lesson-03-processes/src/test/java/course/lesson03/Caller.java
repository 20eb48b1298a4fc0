package course.lesson03;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs the student's call on a thread of its own, so that the test can watch it from outside while
 * it holds a child process alive: has the call returned, or is it still inside, blocked waiting
 * (for a process to exit, for a thread to end, for a pipe to reach end-of-file)? A call that must
 * wait for the held process is then seen waiting every time, and one that does not wait is seen
 * returning every time, whatever the machine's speed.
 */
final class Caller<T> {
    private final Thread thread;
    private volatile boolean done;
    private volatile T value;
    private volatile Throwable thrown;

    private Caller(Callable<T> call) {
        thread = Thread.ofPlatform().name("student-call").unstarted(() -> {
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

    boolean done() {
        return done;
    }

    /**
     * Whether the call is inside and blocked: parked waiting for something (not merely acquiring a
     * lock), or in a native call such as a read from a pipe.
     */
    boolean blockedInside() {
        return blockedInside(true);
    }

    /**
     * Whether the call is inside and blocked; with {@code processWaitCounts} false, waiting inside
     * {@code Process.waitFor} does not count: for a process the test knows has exited, that wait is
     * about to end (the JVM has not yet delivered the exit), it is not where the call stays.
     */
    private boolean blockedInside(boolean processWaitCounts) {
        if (done) {
            return false;
        }
        if (!processWaitCounts && insideProcessWaitFor()) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
            Object blocker = LockSupport.getBlocker(thread);
            return blocker == null || !blocker.getClass().getName().startsWith("java.util.concurrent.locks.Reentrant");
        }
        if (state == Thread.State.RUNNABLE) {
            StackTraceElement[] stack = thread.getStackTrace();
            return stack.length > 0 && stack[0].isNativeMethod() && !done;
        }
        return false;
    }

    private boolean insideProcessWaitFor() {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("waitFor") && (frame.getClassName().equals("java.lang.ProcessImpl")
                    || frame.getClassName().equals("java.lang.Process"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until the call has returned, or has been seen blocked inside on several polls in a row,
     * at most {@code limit}; whether it returned.
     */
    boolean awaitReturnedOrBlocked(Duration limit) {
        return awaitReturnedOrBlocked(limit, true);
    }

    /**
     * As {@link #awaitReturnedOrBlocked(Duration)}, for a call whose child process has exited: a call
     * still inside {@code Process.waitFor} is not yet blocked where it stays (the JVM delivers a
     * process's exit a moment after the process is gone), so the wait goes on until it has left it.
     */
    boolean awaitReturnedOrBlockedAfterItsChildExited(Duration limit) {
        return awaitReturnedOrBlocked(limit, false);
    }

    private boolean awaitReturnedOrBlocked(Duration limit, boolean processWaitCounts) {
        int[] blockedPolls = {0};
        try {
            await().atMost(limit).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> {
                        blockedPolls[0] = blockedInside(processWaitCounts) ? blockedPolls[0] + 1 : 0;
                        return done || blockedPolls[0] >= 5;
                    });
        } catch (ConditionTimeoutException e) {
            // neither: the caller decides what that means
        }
        return done;
    }

    /** Waits for the call to end, at most {@code limit}; whether it ended. */
    boolean join(Duration limit) throws InterruptedException {
        thread.join(Math.max(1, limit.toMillis()));
        return !thread.isAlive();
    }

    /** Stops the call if it is still running (test clean-up): kills every child process, then interrupts. */
    void stop() throws InterruptedException {
        if (thread.isAlive()) {
            ChildProcesses.killAll();
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
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
