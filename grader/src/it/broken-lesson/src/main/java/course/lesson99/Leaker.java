package course.lesson99;

import java.util.concurrent.CountDownLatch;

/** Starts a worker and forgets it. */
public final class Leaker {
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private Leaker() {
    }

    public static int answer() {
        Thread worker = new Thread(() -> {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "forgotten-worker");
        worker.setDaemon(true);
        worker.start();
        return 42;
    }
}
