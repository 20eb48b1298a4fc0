package course.lesson07;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Orders task completions without timing luck. A task's future is done only after the task's body
 * has returned or thrown, so "task B finishes after task A" cannot be forced from inside A's body
 * (a latch A opens just before it throws still lets B win the race to complete). It can be forced
 * by waiting until A's thread has left A's task altogether: it has ended (a thread per task), or
 * it is parked waiting for more work (a pool thread). By then A's future is complete, and so is
 * whatever its completion does (e.g. an ExecutorCompletionService has queued it).
 */
final class TaskThreads {
    private TaskThreads() {
    }

    /**
     * Waits until {@code thread} has finished the task it ran, at most until the deadline; at once
     * when {@code thread} is null (the task never ran: broken code, reported by the assertions).
     */
    static void awaitTaskFinished(Thread thread, Deadline deadline) {
        if (thread == null) {
            return;
        }
        try {
            await().atMost(Duration.ofNanos(Math.max(1_000_000, deadline.remainingNanos()))).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> finishedTask(thread));
        } catch (ConditionTimeoutException e) {
            // the test's ceiling: go on, the assertions say what went wrong
        }
    }

    /** Ended, or parked waiting for something other than a lock it is taking on its way out. */
    static boolean finishedTask(Thread thread) {
        Thread.State state = thread.getState();
        if (state == Thread.State.TERMINATED) {
            return true;
        }
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        Object blocker = LockSupport.getBlocker(thread);
        return blocker == null || !blocker.getClass().getName().startsWith("java.util.concurrent.locks.Reentrant");
    }
}
