package course.lesson06.demo;

/**
 * A stop flag without {@code volatile}: the worker may never see it.
 *
 * <pre>
 * worker:  while (!stop) { spins++; }
 * main:    sleep 1 s; stop = true;
 * </pre>
 *
 * <p>Hypothesis: once the JIT compiler (C2) compiles the hot loop, it may read the plain field
 * {@code stop} once, before the loop, because nothing in the loop tells it another thread might
 * change it; the loop then spins forever. With {@code volatile} every iteration reads memory
 * again and the worker stops at once. Whether the plain version hangs depends on the JIT (with
 * {@code -Xint} or C1 only it usually stops): the JMM allows both, which is exactly why a
 * correct program must not rely on either.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-06-memory-model
 * -Dexec.mainClass=course.lesson06.demo.Demo04_InvisibleStop}. Needs no exercise solved. The
 * stuck worker is a daemon thread, so the JVM still exits at the end.
 */
public final class Demo04_InvisibleStop {

    private static volatile boolean volatileStop;
    private static boolean plainStop;

    private Demo04_InvisibleStop() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("1. volatile boolean stop:");
        Thread a = daemon("volatile-spinner", () -> {
            long spins = 0;
            while (!volatileStop) {
                spins++;
            }
            System.out.printf("   worker saw stop after %,d spins%n", spins);
        });
        report(a, () -> volatileStop = true);

        System.out.println("2. plain boolean stop:");
        Thread b = daemon("plain-spinner", () -> {
            long spins = 0;
            while (!plainStop) {
                spins++;
            }
            System.out.printf("   worker saw stop after %,d spins%n", spins);
        });
        report(b, () -> plainStop = true);
    }

    private static void report(Thread worker, Runnable stop) throws InterruptedException {
        worker.start();
        Thread.sleep(1_000);           // let the loop get hot and compiled
        stop.run();
        System.out.println("   main: stop = true");
        worker.join(2_000);
        System.out.println(worker.isAlive()
                ? "   worker still spinning 2 s after stop = true: it never saw the write (a daemon, so the JVM can exit)"
                : "   worker ended");
        System.out.println();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
