package course.lesson02;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Exercise 4 · Daemon threads: the ticker.
 *
 * <p>The JVM keeps running as long as any non-daemon thread is alive; daemon threads do not
 * count, and are simply abandoned when the last non-daemon thread ends. Whether a thread is a
 * daemon is decided once, before it starts.
 *
 * <p>Write {@link #start(int, Duration, boolean, IntConsumer)}: start a thread named
 * {@code "ticker"} that hands the numbers {@code 0, 1, …, count-1} to {@code tick}, pausing
 * between two ticks, and return it. {@link TickerMain} runs it as the lecture's program does:
 * as a normal thread the JVM waits and all ten numbers appear; as a daemon only {@code 0} does.
 */
public final class Ticker {
    private Ticker() {
    }

    /**
     * Starts the ticker thread and returns it, already started.
     *
     * <p>The thread calls {@code tick.accept(i)} for {@code i = 0 … count-1}, sleeping
     * {@code pause} between two ticks. When it is interrupted it stops ticking and ends.
     *
     * @param count  how many numbers to tick
     * @param pause  the pause between two ticks
     * @param daemon whether the thread is a daemon thread
     * @param tick   receives each number, on the ticker thread
     * @return the started ticker thread
     */
    public static Thread start(int count, Duration pause, boolean daemon, IntConsumer tick) {
        throw new UnsupportedOperationException(
                "not implemented yet: create a thread named \"ticker\" that ticks 0..count-1, "
                        + "choose its daemon flag, start it and return it");
    }
}
