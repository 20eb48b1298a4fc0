package course.lesson07;

import course.grading.Background;

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
        Background.until(deadline.remaining(), () -> finishedTask(thread));   // on the ceiling: the assertions say what went wrong
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
        return !Background.isTakingLock(thread);
    }
}
