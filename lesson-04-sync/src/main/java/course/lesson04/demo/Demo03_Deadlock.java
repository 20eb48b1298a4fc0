package course.lesson04.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Demo 3 · The lecture's deadlock: two threads take two locks in opposite order and hang for ever.
 * The JVM can see it: {@link ThreadMXBean#findDeadlockedThreads()} names the cycle, which this demo
 * prints before it exits. Independent of the exercises: it runs on the starter code.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-04-sync -Dexec.mainClass=course.lesson04.demo.Demo03_Deadlock
 * </pre>
 *
 * <p>Output:
 * <pre>
 * f1 holds lock-1, wants lock-2
 * f2 holds lock-2, wants lock-1
 * deadlock found after 0.1 s:
 *   f1 waits for ReentrantLock$NonfairSync held by f2
 *   f2 waits for ReentrantLock$NonfairSync held by f1
 * (jstack &lt;pid&gt; shows the same cycle; the two threads are daemons, so the demo can exit)
 * </pre>
 */
public final class Demo03_Deadlock {
    private Demo03_Deadlock() {
    }

    public static void main(String[] args) {
        ReentrantLock lock1 = new ReentrantLock();
        ReentrantLock lock2 = new ReentrantLock();
        long start = System.nanoTime();
        Thread.ofPlatform().name("f1").daemon(true).start(() -> both(lock1, "lock-1", lock2, "lock-2"));
        Thread.ofPlatform().name("f2").daemon(true).start(() -> both(lock2, "lock-2", lock1, "lock-1"));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids;
        while ((ids = threads.findDeadlockedThreads()) == null) {
            LockSupport.parkNanos(10_000_000);
        }
        System.out.printf("deadlock found after %.1f s:%n", (System.nanoTime() - start) / 1e9);
        for (ThreadInfo info : threads.getThreadInfo(ids)) {
            String lock = info.getLockName().replaceAll(".*\\.", "").replaceAll("@.*", "");
            System.out.println("  " + info.getThreadName() + " waits for " + lock + " held by " + info.getLockOwnerName());
        }
        System.out.println("(jstack <pid> shows the same cycle; the two threads are daemons, so the demo can exit)");
    }

    private static void both(ReentrantLock first, String firstName, ReentrantLock second, String secondName) {
        first.lock();
        try {
            System.out.println(Thread.currentThread().getName() + " holds " + firstName + ", wants " + secondName);
            LockSupport.parkNanos(100_000_000); // time.sleep(0.1) in the lecture: both take their first lock
            second.lock();
            try {
                System.out.println("OK");
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }
}
