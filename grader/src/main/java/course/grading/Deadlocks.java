package course.grading;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds deadlocked threads in this JVM and describes the cycle in words a student can act on.
 *
 * <pre>{@code
 * Optional<String> cycle = Deadlocks.describe();
 * // "deadlock: thread 'alice' holds Account#1 and waits for Account#2 (held by 'bob');
 * //            thread 'bob' holds Account#2 and waits for Account#1 (held by 'alice')"
 * }</pre>
 */
public final class Deadlocks {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Deadlocks() {
    }

    /** The current deadlock cycle (intrinsic locks and {@code java.util.concurrent} locks), if any. */
    public static Optional<String> describe() {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                parts.add(describe(info));
            }
        }
        return Optional.of("deadlock: " + String.join("; ", parts));
    }

    private static String describe(ThreadInfo info) {
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            held.add(name(monitor));
        }
        for (LockInfo lock : info.getLockedSynchronizers()) {
            held.add(name(lock));
        }
        String waitsFor = info.getLockInfo() == null ? "?" : name(info.getLockInfo());
        return "thread '" + info.getThreadName() + "' holds "
                + (held.isEmpty() ? "nothing" : String.join(", ", held))
                + " and waits for " + waitsFor
                + " (held by '" + info.getLockOwnerName() + "')";
    }

    private static String name(LockInfo lock) {
        String cls = lock.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
