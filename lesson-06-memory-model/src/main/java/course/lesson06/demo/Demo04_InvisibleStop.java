package course.lesson06.demo;

/**
 * A stop flag without any synchronisation: the worker may never see it.
 *
 * <pre>
 * worker:  while (!stop) { spins++; }
 * main:    sleep 1 s; stop = true;
 * </pre>
 *
 * <p>Hypothesis: once the JIT compiler (C2) compiles the hot loop, it may read the plain field
 * {@code stop} once, before the loop, because nothing in the loop tells it another thread might
 * change it; the loop then spins forever. Whether it hangs depends on the JIT (with {@code -Xint}
 * or C1 only it usually stops): the JMM allows both, which is exactly why a correct program must
 * not rely on either.
 *
 * <p>For contrast, the demo first stops a worker with the JDK's own stop request, the interrupt:
 * {@code Thread.interrupt()} happens-before the interrupted thread sees
 * {@code isInterrupted()} return true (JLS 17.4.4), so that worker always stops. Exercise 3 asks
 * you for a flag of your own with the same guarantee.
 *
 * <p>Run: {@code ./mvnw -q compile exec:java -pl lesson-06-memory-model
 * -Dexec.mainClass=course.lesson06.demo.Demo04_InvisibleStop}. Needs no exercise solved. The
 * stuck worker is a daemon thread, so the JVM still exits at the end.
 */
public final class Demo04_InvisibleStop {

    private static boolean plainStop;

    private Demo04_InvisibleStop() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("1. interrupt() as the stop request:");
        Thread a = daemon("interrupted-spinner", () -> {
            long spins = 0;
            while (!Thread.currentThread().isInterrupted()) {
                spins++;
            }
            System.out.printf("   worker saw the interrupt after %,d spins%n", spins);
        });
        report(a, a::interrupt, "a.interrupt()");

        System.out.println("2. plain boolean stop:");
        Thread b = daemon("plain-spinner", () -> {
            long spins = 0;
            while (!plainStop) {
                spins++;
            }
            System.out.printf("   worker saw stop after %,d spins%n", spins);
        });
        report(b, () -> plainStop = true, "stop = true");
    }

    private static void report(Thread worker, Runnable stop, String what) throws InterruptedException {
        worker.start();
        Thread.sleep(1_000);           // let the loop get hot and compiled
        stop.run();
        System.out.println("   main: " + what);
        worker.join(2_000);
        System.out.println(worker.isAlive()
                ? "   worker still spinning 2 s after " + what + ": it never saw the write (a daemon, so the JVM can exit)"
                : "   worker ended");
        System.out.println();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
