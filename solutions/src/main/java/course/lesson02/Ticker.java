package course.lesson02;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A thread that ticks the numbers {@code 0 … count-1} with a pause between them: the lecture's
 * daemon experiment.
 *
 * <p>The daemon flag is set with {@link Thread#setDaemon(boolean)} <em>before</em>
 * {@link Thread#start()} (afterwards it throws {@link IllegalThreadStateException}), and it is
 * always set explicitly: a new thread otherwise inherits the flag of the thread that creates it,
 * so a ticker created by a daemon thread would silently be a daemon too.
 *
 * <p>The JVM exits when its last non-daemon thread ends. A non-daemon ticker therefore keeps it
 * alive until the last tick; a daemon ticker is abandoned, mid-pause, as soon as {@code main}
 * (and every other non-daemon thread) has returned.
 *
 * <p>Sample usage:
 * <pre>{@code
 * Thread ticker = Ticker.start(10, Duration.ofMillis(100), true, System.out::println);
 * // main returns: the JVM exits without waiting for the daemon ticker
 * }</pre>
 *
 * <p>Memory consistency effects: actions before {@code start} <i>happen-before</i> the first
 * tick; each tick <i>happens-before</i> the next one (they run on one thread).
 */
public final class Ticker {
    private Ticker() {
    }

    /**
     * Starts the ticker thread and returns it, already started.
     *
     * <p>The thread, named {@code "ticker"}, calls {@code tick.accept(i)} for
     * {@code i = 0 … count-1}, sleeping {@code pause} between two ticks. When it is interrupted
     * it stops ticking, keeps its interrupt status set, and ends.
     *
     * @param count  how many numbers to tick
     * @param pause  the pause between two ticks
     * @param daemon whether the thread is a daemon thread
     * @param tick   receives each number, on the ticker thread
     * @return the started ticker thread
     */
    public static Thread start(int count, Duration pause, boolean daemon, IntConsumer tick) {
        Thread ticker = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        Thread.sleep(pause);
                    }
                    tick.accept(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // asked to stop: stop ticking, end the thread
            }
        }, "ticker");
        ticker.setDaemon(daemon);                     // before start(), and always explicitly
        ticker.start();
        return ticker;
    }
}
