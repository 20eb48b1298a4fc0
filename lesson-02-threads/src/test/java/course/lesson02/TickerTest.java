package course.lesson02;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import course.grading.ThreadStarts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Exercise 4 · Daemon threads: the ticker")
class TickerTest {
    /** A child JVM may start slowly on a busy machine: a ceiling for broken code, not a speed limit. */
    private static final Duration CHILD_START = Duration.ofSeconds(30);
    /**
     * How long a child JVM may take to exit once nothing keeps it alive (after main returned, or after
     * its last tick): a ceiling for broken code, generous for a busy machine, and still far below the
     * minute a non-daemon ticker would keep the JVM alive in the daemon test.
     */
    private static final Duration CHILD_EXIT = Delays.CEILING.multipliedBy(3);
    private static final String MAIN_RETURNS = "main returns";
    private static final String END = "\u0000end";

    @Test
    @Points(2)
    @DisplayName("ticks 0, 1, 2 on the returned thread named 'ticker', not on the caller's thread")
    void ticksOnItsOwnThread() throws Exception {
        List<Integer> ticks = new CopyOnWriteArrayList<>();
        Set<Thread> tickedOn = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();

        ThreadStarts.watch();
        // A pause short enough for a quick test, long enough that a pause taken in the wrong unit
        // (10 ms read as 10 s) outlasts the ceiling below.
        Duration pause = Duration.ofMillis(10);
        List<Long> tickedAt = new CopyOnWriteArrayList<>();
        Thread ticker = start(3, pause, true, i -> {
            tickedAt.add(System.nanoTime());
            ticks.add(i);
            tickedOn.add(Thread.currentThread());
        });

        assertThat(ticker).as("Ticker.start must return the ticker thread").isNotNull();
        assertThat(tickedOn)
                .withFailMessage("run() was called instead of start(): the ticks ran on the caller's thread '%s'",
                        caller.getName())
                .doesNotContain(caller);
        assertThat(ticker.getState())
                .withFailMessage("the returned thread was never started (state NEW): call start() on it")
                .isNotEqualTo(Thread.State.NEW);
        if (!ticker.join(Delays.CEILING)) {
            ticker.interrupt();
            fail("the ticker had ticked only %s %d s after it started, with a pause of %d ms between two ticks "
                    + "(it is %s): is the pause in the wrong unit? Thread.sleep(pause) takes the Duration as it is; "
                    + "Thread.sleep(long) takes milliseconds (pause.toMillis()), TimeUnit.SECONDS.sleep(n) seconds",
                    ticks, Delays.CEILING.toSeconds(), pause.toMillis(), Background.where(ticker));
        }
        assertThat(ticks).as("the numbers ticked").containsExactly(0, 1, 2);
        assertThat(tickedOn).as("threads that ticked").containsExactly(ticker);
        // A sleep never ends before its time, so two ticks are always at least a pause apart (a tenth of
        // it is slack for the clock): a shorter gap means the pause was cut, not that the machine was fast.
        for (int k = 1; k < tickedAt.size(); k++) {
            long gapNanos = tickedAt.get(k) - tickedAt.get(k - 1);
            if (gapNanos < pause.toNanos() * 9 / 10) {
                fail("the ticker ticked %d only %.3f ms after %d, but the pause between two ticks is %d ms: the pause "
                        + "was cut short. Thread.sleep(pause) takes the Duration as it is; pause.getSeconds() and "
                        + "pause.toSeconds() drop everything under a second (10 ms becomes 0), and Thread.sleep(long) "
                        + "takes milliseconds (pause.toMillis())",
                        k, gapNanos / 1e6, k - 1, pause.toMillis());
            }
        }
        assertThat(ticker.getName()).as("the ticker thread's name").isEqualTo("ticker");
        ThreadStarts.namedAfterStart(ticker, "ticker").ifPresent(message -> fail(message));

        // One tick and a long pause: the pause lies only BETWEEN two ticks, so this ticker ends at once.
        CountDownLatch ticked = new CountDownLatch(1);
        Thread single = start(1, Duration.ofMinutes(1), true, i -> ticked.countDown());
        assertThat(single).as("Ticker.start must return the ticker thread").isNotNull();
        boolean ended = ticked.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS) && single.join(Delays.CEILING);
        if (!ended) {
            single.interrupt();
            fail("Ticker.start(1, 1 minute, …) ticked 0 and was still running %d s later (%s): it slept after its last "
                    + "tick. The pause goes between two ticks only: sleep before every tick but the first",
                    Delays.CEILING.toSeconds(), single.getState());
        }
    }

    @Test
    @Points(2)
    @DisplayName("sets the daemon flag before start(), exactly as asked, even when a daemon thread creates the ticker")
    void setsTheDaemonFlagAsAsked() throws Exception {
        Thread daemonTicker = startTicker(true);
        assertThat(daemonTicker.isDaemon()).as("Ticker.start(…, daemon = true, …).isDaemon()").isTrue();
        daemonTicker.join(Delays.CEILING);

        // A new thread inherits the daemon flag of the thread that creates it.
        AtomicReference<Object> made = new AtomicReference<>();
        Thread creator = Thread.ofPlatform().name("daemon-creator").daemon(true).start(() -> {
            try {
                made.set(startTicker(false));
            } catch (Throwable t) {
                made.set(t);
            }
        });
        creator.join(Delays.CEILING);
        if (made.get() instanceof Throwable t) {
            throw t instanceof Error e ? e : new AssertionError(t);
        }
        Thread normalTicker = (Thread) made.get();
        assertThat(normalTicker.isDaemon())
                .withFailMessage("Ticker.start(…, daemon = false, …) called from a daemon thread returned a daemon "
                        + "thread: a new thread inherits its creator's daemon flag. Call setDaemon(daemon) for both "
                        + "true and false.")
                .isFalse();
        normalTicker.join(Delays.CEILING);
    }

    private static Thread startTicker(boolean daemon) {
        Thread ticker = start(2, Duration.ofMillis(1), daemon, i -> { });
        assertThat(ticker).as("Ticker.start must return the ticker thread").isNotNull();
        return ticker;
    }

    /** Ticker.start, with setDaemon-after-start reported by name. */
    private static Thread start(int count, Duration pause, boolean daemon, java.util.function.IntConsumer tick) {
        try {
            return Ticker.start(count, pause, daemon, tick);
        } catch (IllegalThreadStateException e) {
            throw new AssertionError("setDaemon() was called after start(): Java lets you choose the daemon flag "
                    + "only before the thread starts (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).contains("virtual")) {
                throw new AssertionError("the ticker is a virtual thread, and a virtual thread is always a daemon ("
                        + e + "): make it a platform thread (new Thread(…) or Thread.ofPlatform()) so that "
                        + "daemon = false can keep the JVM alive", e);
            }
            throw e;
        }
    }

    @Test
    @Points(2)
    @DisplayName("stops ticking and ends when it is interrupted")
    void endsWhenInterrupted() throws Exception {
        CountDownLatch firstTick = new CountDownLatch(1);
        List<Integer> ticks = new CopyOnWriteArrayList<>();
        Thread caller = Thread.currentThread();
        Thread ticker = start(1_000, Duration.ofSeconds(30), true, i -> {
            if (Thread.currentThread() == caller) {
                throw new AssertionError("run() was called instead of start(): the ticks ran on the caller's thread");
            }
            ticks.add(i);
            firstTick.countDown();
        });
        assertThat(ticker).as("Ticker.start must return the ticker thread").isNotNull();
        assertThat(firstTick.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS)).as("first tick arrived").isTrue();
        // The pause is 30 s: whatever the machine's speed, no second tick comes within a second of the first.
        if (Background.until(Duration.ofSeconds(1), () -> ticks.size() > 1)) {
            ticker.interrupt();
            fail("the ticker ticked %s within 1 s of its first tick, although the pause between two ticks is 30 s: "
                    + "it does not sleep the whole pause. Is the pause in the wrong unit? Thread.sleep(pause) takes "
                    + "the Duration as it is; Thread.sleep(long) takes milliseconds (pause.toMillis(), not "
                    + "pause.toSeconds())", ticks.size() > 5 ? ticks.subList(0, 5) + " and more" : ticks);
        }

        ticker.interrupt();
        boolean ended = ticker.join(Delays.CEILING);

        assertThat(ended)
                .withFailMessage("the ticker was still running %s s after interrupt() (ticks so far: %s): when "
                        + "sleep() throws InterruptedException, stop ticking and let the thread end; do not "
                        + "swallow the interrupt and carry on", Delays.CEILING.toSeconds(), ticks)
                .isTrue();
        assertThat(ticks)
                .withFailMessage("the ticker went on ticking after it was interrupted: %s", ticks)
                .containsExactly(0);
    }

    @Test
    @Points(2)
    @Timeout(90)
    @DisplayName("as a normal thread it keeps the JVM alive: java TickerMain prints 0 to 9")
    void nonDaemonTickerKeepsTheJvmAlive() throws Exception {
        // Pauses long enough that a JVM which does not wait for the ticker has long exited before the last tick.
        ChildRun run = runTickerMain(Duration.ofMillis(10 * 200), "--count=10", "--pause-ms=200");

        assertThat(run.exitedInTime())
                .withFailMessage("the child JVM did not exit within %s s after its last tick was due; output: %s",
                        CHILD_EXIT.toSeconds(), run.lines())
                .isTrue();
        List<Integer> ticks = run.ticks();
        if (!ticks.isEmpty() && ticks.size() < 10 && ticks.equals(IntStream.range(0, ticks.size()).boxed().toList())) {
            fail("java TickerMain printed only %s: the JVM exited as soon as main returned, abandoning the ticker. "
                    + "Without --daemon the ticker must not be a daemon thread (setDaemon(false)).",
                    ticks.size() == 1 ? "0" : ticks);
        }
        assertThat(run.ticks())
                .withFailMessage("java TickerMain should print 0 to 9 and wait for the ticker, but printed %s", run.lines())
                .containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
        assertThat(run.exitCode()).as("exit code of java TickerMain; stderr: %s", run.stderr()).isZero();
    }

    @Test
    @Points(2)
    @Timeout(90)
    @DisplayName("as a daemon thread it does not: java TickerMain --daemon prints only 0 and the JVM exits")
    void daemonTickerLetsTheJvmExit() throws Exception {
        // A long pause: the ticker is asleep after 0, and only a daemon thread lets the JVM exit meanwhile.
        ChildRun run = runTickerMain(Duration.ZERO, "--daemon", "--count=10", "--pause-ms=60000");

        assertThat(run.exitedInTime())
                .withFailMessage("the child JVM was still running %s s after main returned (output: %s): the ticker "
                                + "kept it alive, so it is not a daemon thread. Call setDaemon(true) before start().",
                        CHILD_EXIT.toSeconds(), run.lines())
                .isTrue();
        assertThat(run.ticks())
                .withFailMessage("java TickerMain --daemon should print only 0, but printed %s", run.lines())
                .containsExactly(0);
        assertThat(run.exitCode()).as("exit code of java TickerMain --daemon; stderr: %s", run.stderr()).isZero();
    }

    /** What a child JVM running {@link TickerMain} printed, and whether it exited in time. */
    private record ChildRun(List<String> lines, boolean exitedInTime, int exitCode, String stderr) {
        List<Integer> ticks() {
            return lines.stream().filter(l -> l.matches("\\d+")).map(Integer::valueOf).toList();
        }
    }

    /**
     * Runs {@code java -cp <test classpath> course.lesson02.TickerMain args…}, waits for "main returns",
     * then gives the JVM {@link #CHILD_EXIT} (plus {@code ticking}, the time the remaining ticks
     * take) to exit. The child is always destroyed in the end.
     */
    private static ChildRun runTickerMain(Duration ticking, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot find the java command of this JVM")));
        command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TickerMain.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).start();
        BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
        Thread outReader = drain(child.getInputStream(), stdout, "child-stdout");
        Thread errReader = drain(child.getErrorStream(), stderr, "child-stderr");
        List<String> lines = new ArrayList<>();
        boolean exitedInTime = false;
        try {
            String line;
            do {
                line = stdout.poll(CHILD_START.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    fail("the child JVM printed nothing for %s s; output so far: %s", CHILD_START.toSeconds(), lines);
                }
                if (!line.equals(END)) {
                    lines.add(line);
                }
            } while (!line.equals(MAIN_RETURNS) && !line.equals(END));
            exitedInTime = child.waitFor(CHILD_EXIT.plus(ticking).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            outReader.join(Delays.CEILING);
            errReader.join(Delays.CEILING);
        }
        stdout.stream().filter(l -> !l.equals(END)).forEach(lines::add);
        String errors = String.join("\n", stderr.stream().filter(l -> !l.equals(END)).toList());
        if (!lines.contains(MAIN_RETURNS)) {
            if (errors.contains("IllegalThreadStateException")) {
                fail("setDaemon() was called after start() (IllegalThreadStateException in the child JVM): choose "
                        + "the daemon flag before the thread starts");
            }
            fail("java TickerMain failed before main returned (exit code %s): %s", child.exitValue(),
                    errors.lines().findFirst().orElse("(nothing on stderr)"));
        }
        return new ChildRun(lines, exitedInTime, child.exitValue(), errors);
    }

    private static Thread drain(InputStream in, BlockingQueue<String> into, String name) {
        return Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.add(line);
                }
            } catch (IOException closed) {
                // the child was destroyed: nothing more to read
            } finally {
                into.add(END);
            }
        });
    }
}
