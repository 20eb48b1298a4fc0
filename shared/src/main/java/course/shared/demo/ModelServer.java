package course.shared.demo;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The lecture's name server as a model: it only sleeps, never touches the network. It answers
 * {@code slots} queries at a time; a query that finds it full is dropped and the client retries
 * after {@code retry} seconds; an answer takes {@code answer} seconds. All times are the
 * lecture's seconds, run {@code scale} times shorter.
 */
public final class ModelServer {
    private final Semaphore slots;
    private final double answer;
    private final double retry;
    private final double scale;

    public ModelServer(int slots, double answer, double retry, double scale) {
        this.slots = new Semaphore(slots);
        this.answer = answer;
        this.retry = retry;
        this.scale = scale;
    }

    /** One query that gets an answer: waits (retrying) for a free slot, then for the answer. */
    public void query() {
        while (!slots.tryAcquire()) {
            pause(retry);                       // dropped by a full server: the client retries later
        }
        try {
            pause(answer);
        } finally {
            slots.release();
        }
    }

    /** Sleeps {@code lectureSeconds} of the lecture's time, scaled (a query that never gets an answer, say). */
    public void pause(double lectureSeconds) {
        try {
            Thread.sleep(Duration.ofNanos((long) (lectureSeconds / scale * 1e9)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
