package course.lesson04;

import course.grading.Delays;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** What the tests can see of other threads: are they parked, and on whose lock. Test support. */
final class ThreadProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private ThreadProbe() {
    }

    /**
     * Polls {@code condition} until it holds or {@code ceiling} has passed.
     *
     * @return whether the condition held
     */
    static boolean until(Duration ceiling, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** {@link #until(Duration, BooleanSupplier)} with the grader's ceiling. */
    static boolean until(BooleanSupplier condition) {
        return until(Delays.CEILING, condition);
    }

    /**
     * Whether the JVM finds a deadlock cycle whose threads all wait without a time limit. The JVM
     * also reports threads that wait in a timed {@code tryLock} for each other's locks; those waits
     * end by themselves, so they are no deadlock.
     */
    static boolean untimedDeadlock() {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return false;
        }
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info == null || info.getThreadState() != Thread.State.WAITING
                    && info.getThreadState() != Thread.State.BLOCKED) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code waiter} is blocked or parked on a lock (monitor or j.u.c. lock) that {@code owner} holds. */
    static boolean waitsForLockHeldBy(Thread waiter, Thread owner) {
        ThreadInfo info = THREADS.getThreadInfo(waiter.threadId());
        return info != null && info.getLockOwnerId() == owner.threadId();
    }

    /**
     * Whether {@code thread} is blocked waiting on something (a condition, a monitor, a lock, a
     * latch) rather than running, spinning or sleeping: state WAITING or TIMED_WAITING with an
     * object it waits for.
     */
    static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info != null && info.getLockInfo() != null;
    }

    /** Whether {@code thread} is parked with a frame of {@code type} on its stack. */
    static boolean isParkedIn(Thread thread, Class<?> type) {
        return isParked(thread) && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(type.getName()));
    }

    /**
     * Whether {@code thread} is held up inside {@code type}: BLOCKED on a monitor, or parked on a
     * lock, a condition or a semaphore, with a frame of {@code type} on its stack.
     */
    static boolean isBlockedIn(Thread thread, Class<?> type) {
        return (thread.getState() == Thread.State.BLOCKED || isParked(thread))
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith(type.getName()));
    }

    /** Whether {@code thread} holds any monitor or {@code java.util.concurrent} lock right now. */
    static boolean holdsAnyLock(Thread thread) {
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {thread.threadId()}, true, true);
        return infos.length == 1 && infos[0] != null
                && (infos[0].getLockedMonitors().length > 0 || infos[0].getLockedSynchronizers().length > 0);
    }

    /** The thread's state and the frame it is in, for failure messages. */
    static String whereIs(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        String frame = Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("course.lesson04.")
                        && !f.getClassName().startsWith(TestLock.class.getName()))
                .findFirst()
                .or(() -> Arrays.stream(stack).findFirst())
                .map(StackTraceElement::toString)
                .orElse("(no stack)");
        return thread.getState() + " at " + frame;
    }
}
