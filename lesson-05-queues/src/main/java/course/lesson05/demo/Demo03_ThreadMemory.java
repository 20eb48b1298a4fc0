package course.lesson05.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Demo 03 · What a thread costs in memory: 1,000 parked platform threads against 1,000
 * virtual threads.
 *
 * <p>Every platform thread is an operating-system thread with its own stack. The JVM reserves
 * the whole stack ({@code -Xss}; the demo prints this JVM's value: 1 MB by default on x86-64,
 * 2 MB on AArch64 Linux) as address space and
 * the OS commits pages as the stack grows, so a parked thread actually occupies tens of KB to a
 * few hundred KB, plus kernel structures. The lecture's "at least 2 MB per thread" is the
 * reservation figure in other runtimes; either way the cost is why a pool caps the number of
 * threads. Virtual threads (Java 21) keep their small stacks on the heap and cost far less.
 *
 * <p>Reads the resident set size from {@code /proc/self/status} (Linux only; elsewhere it
 * prints "n/a").
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-05-queues -Dexec.mainClass=course.lesson05.demo.Demo03_ThreadMemory}
 */
public final class Demo03_ThreadMemory {

    static final int THREADS = 1_000;

    public static void main(String[] args) throws Exception {
        System.out.printf("stack reserved per platform thread: %s%n%n", stackSize());
        measure("platform", Thread.ofPlatform());
        measure("virtual ", Thread.ofVirtual());
    }

    static void measure(String kind, Thread.Builder builder) throws InterruptedException {
        System.gc();
        long before = residentKb();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch parked = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(builder.start(() -> {
                parked.countDown();
                try {
                    release.await();                       // sit here, like an idle worker
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        parked.await();
        long after = residentKb();
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (before < 0 || after < 0) {
            System.out.printf("%s threads: %d started; resident memory n/a on this OS%n", kind, THREADS);
        } else {
            System.out.printf("%s threads: %,d started, resident memory +%,d KB (about %,d KB each)%n",
                    kind, THREADS, after - before, (after - before) / THREADS);
        }
    }

    /**
     * This JVM's {@code -XX:ThreadStackSize} (what {@code -Xss} sets), read rather than assumed: the
     * default is 1 MB on Linux and macOS on x86-64, 2 MB on AArch64 Linux, and differs elsewhere.
     */
    static String stackSize() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            long kb = Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue());
            return kb + " KB (-XX:ThreadStackSize, set with -Xss; os.arch " + System.getProperty("os.arch") + ")";
        } catch (RuntimeException | LinkageError e) {
            return "unknown on this JVM (see -Xss)";
        }
    }

    /** VmRSS from /proc/self/status in KB, or -1 where there is no /proc. */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private Demo03_ThreadMemory() {
    }
}
