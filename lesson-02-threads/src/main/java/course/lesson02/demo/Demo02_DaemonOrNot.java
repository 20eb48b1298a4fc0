package course.lesson02.demo;

import java.util.concurrent.CountDownLatch;

/**
 * Does the JVM wait for a thread? The lecture's ticker, with its own ten-line thread (it runs on
 * the starter code; {@code course.lesson02.TickerMain} is the same experiment with your Exercise 4).
 * <pre>
 * mvn -q compile exec:java -pl lesson-02-threads -Dexec.mainClass=course.lesson02.demo.Demo02_DaemonOrNot
 * java -cp lesson-02-threads/target/classes course.lesson02.demo.Demo02_DaemonOrNot            # 0 … 9
 * java -cp lesson-02-threads/target/classes course.lesson02.demo.Demo02_DaemonOrNot --daemon   # 0
 * </pre>
 * Run the daemon case with {@code java}, not {@code exec:java}: Maven's exec plugin keeps its own
 * JVM running after {@code main} returns, so there the daemon ticker goes on ticking.
 */
public final class Demo02_DaemonOrNot {
    private Demo02_DaemonOrNot() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean daemon = args.length > 0 && (args[0].equals("--daemon") || args[0].equals("-d"));
        CountDownLatch printedZero = new CountDownLatch(1);
        // The builder fixes the daemon flag before the thread exists, so it cannot come too late.
        Thread.ofPlatform().name("lecture-f").daemon(daemon).start(() -> f(printedZero));
        printedZero.await();            // unlike CPython, nothing makes the new thread run first: wait for 0
        System.out.println("main returns (the thread is " + (daemon ? "a daemon" : "not a daemon") + ")");
    }

    /** The lecture's {@code f()}: print 0 … 9, pausing 0.1 s after each number. */
    private static void f(CountDownLatch printedZero) {
        for (int i = 0; i < 10; i++) {
            System.out.println(i);
            printedZero.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
