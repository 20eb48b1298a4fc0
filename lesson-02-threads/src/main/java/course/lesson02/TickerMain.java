package course.lesson02;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The lecture's daemon experiment as a program: {@code main} starts the {@link Ticker} and
 * returns right after the first tick. Does the JVM wait for the ticker?
 *
 * <pre>
 * java -cp target/classes course.lesson02.TickerMain            # prints 0 … 9
 * java -cp target/classes course.lesson02.TickerMain --daemon   # prints 0, then the JVM exits
 * </pre>
 *
 * <p>Options: {@code --daemon}, {@code --count=N} (default 10), {@code --pause-ms=N} (default 100).
 * Every tick is a line with the number; {@code main} prints {@code main returns} just before it
 * returns. It needs Exercise 4 solved ({@code Ticker.start}).
 *
 * <p>Unlike CPython, the JVM has no global interpreter lock that makes a new thread run first, so
 * {@code main} waits for the first tick explicitly: without that wait a daemon ticker might print
 * nothing at all before the JVM exits.
 */
public final class TickerMain {
    private TickerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean daemon = false;
        int count = 10;
        long pauseMillis = 100;
        for (String arg : args) {
            if (arg.equals("--daemon") || arg.equals("-d")) {
                daemon = true;
            } else if (arg.startsWith("--count=")) {
                count = Integer.parseInt(arg.substring("--count=".length()));
            } else if (arg.startsWith("--pause-ms=")) {
                pauseMillis = Long.parseLong(arg.substring("--pause-ms=".length()));
            } else {
                System.err.println("usage: TickerMain [--daemon] [--count=N] [--pause-ms=N]");
                System.exit(2);
            }
        }
        CountDownLatch firstTick = new CountDownLatch(1);
        Ticker.start(count, Duration.ofMillis(pauseMillis), daemon, i -> {
            System.out.println(i);
            firstTick.countDown();
        });
        if (!firstTick.await(30, TimeUnit.SECONDS)) {
            System.out.println("no tick within 30 s");
        }
        System.out.println("main returns");
    }
}
