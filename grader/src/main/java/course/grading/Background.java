package course.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support: runs one call on a named platform thread of its own and carries its value or
 * exception back to the test thread, and lets the test see from outside what that thread is doing.
 *
 * <p>Verdicts come from thread states, never from sleeps: {@link #watch} tells a call that returned
 * from one that blocks in a wait (a join, a latch, a future, a condition), one that sleeps, and one
 * that does neither; {@link #get} and {@link #result} fail with a message when the call runs past
 * {@link Delays#CEILING}. Held work waits at most {@link #HOLD} for the test's release.
 *
 * <pre>{@code
 * Background<String> taker = Background.start("consumer", buffer::take);
 * assertThat(taker.watch(() -> true)).isEqualTo(Background.Seen.WAITING);
 * buffer.put("x");
 * assertThat(taker.get("take() was not woken by put()")).isEqualTo("x");
 * }</pre>
 */
public final class Background<T> {
    /** How long held work waits for the test's release: longer than {@link #watch} watches. */
    public static final Duration HOLD = Delays.CEILING.multipliedBy(3);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What the call was seen doing. */
    public enum Seen {
        /** it returned or threw */ RETURNED,
        /** it blocked in a wait (not a sleep) once {@code ready} held */ WAITING,
        /** it was mostly asleep in {@code Thread.sleep} until the ceiling */ SLEEPING,
        /** neither returned nor waited within the ceiling (it spins, or waits for the wrong thing) */ NEITHER
    }

    /** A call that returns nothing and may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final Thread thread;
    private volatile T value;
    private volatile Throwable thrown;
    private volatile boolean done;

    private Background(String name, Callable<T> call) {
        thread = Thread.ofPlatform().name(name).unstarted(() -> {
            try {
                value = call.call();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                done = true;
            }
        });
    }

    /** Starts {@code call} on a new platform thread named {@code name}. */
    public static <T> Background<T> start(String name, Callable<T> call) {
        Background<T> b = new Background<>(name, call);
        b.thread.start();
        return b;
    }

    /** Starts {@code body}, which returns nothing. */
    public static Background<Void> run(String name, Body body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    public Thread thread() {
        return thread;
    }

    /** Whether the call has returned or thrown. */
    public boolean isDone() {
        return done;
    }

    /** The value the call returned so far (null while it runs); never waits. */
    public T value() {
        return value;
    }

    /** What the call threw so far (null while it runs or if it returned); never waits. */
    public Throwable thrown() {
        return thrown;
    }

    public void interrupt() {
        thread.interrupt();
    }

    /** Waits for the thread to end, at most {@code limit}; whether it ended. */
    public boolean join(Duration limit) {
        try {
            thread.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Interrupts the call and requires it to end soon by throwing InterruptedException (call: e.g. "take()"). */
    public void interruptAndExpect(String call) {
        thread.interrupt();
        if (!join(Delays.THREAD_EXIT)) {
            throw new AssertionError(call + " kept waiting after its thread was interrupted: do not catch and ignore "
                    + "InterruptedException, let it propagate (" + call + " declares it)");
        }
        if (!(thrown instanceof InterruptedException)) {
            throw new AssertionError("an interrupted " + call + " ended with " + thrown + ", expected InterruptedException");
        }
    }

    /** Interrupts the call if it still runs and waits a moment for it to end (test clean-up). */
    public void stop() {
        if (thread.isAlive()) {
            thread.interrupt();
            join(Delays.THREAD_EXIT);
        }
    }

    /**
     * The call's value, waiting at most the ceiling; rethrows what it threw as it was; fails with
     * "thread 'x' did not finish" (and where it is) if it is still running.
     */
    public T result() throws Exception {
        if (!join(Delays.CEILING)) {
            throw new AssertionError("thread '" + thread.getName() + "' did not finish within "
                    + Delays.CEILING.toSeconds() + " s; it is " + where(thread));
        }
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return value;
    }

    /** What the call threw (null if it returned), waiting at most the ceiling as {@link #result} does. */
    public Throwable failure() {
        try {
            result();
            return null;
        } catch (Exception | Error e) {
            return e;
        }
    }

    /**
     * The call's value, waiting at most the ceiling; fails with {@code stillRunning} if it is still
     * running (and stops it); rethrows unchecked exceptions as they were, checked ones in an AssertionError.
     */
    public T get(String stillRunning) {
        if (!join(Delays.CEILING)) {
            stop();
            throw new AssertionError(stillRunning);
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new AssertionError("thread '" + thread.getName() + "' threw " + thrown, thrown);
        }
        return value;
    }

    /** Waits at most the ceiling for the call to end and rethrows as {@link #get} does; fails naming {@code what} it does and where it is stuck. */
    public void join(String what) {
        if (!join(Delays.CEILING)) {
            throw new AssertionError("thread '" + thread.getName() + "' (" + what + ") was still running "
                    + Delays.CEILING.toSeconds() + " s later; it is " + where(thread));
        }
        get("");
    }

    /**
     * For a call that waits for held work, once the work is released: its value; a starter's "not
     * implemented yet" as it was; anything else it threw, or a call that does not end, as an AssertionError.
     */
    public T finish(String method) {
        join(Delays.CEILING);
        rethrowNotImplemented();
        if (thread.isAlive()) {
            throw new AssertionError(method + " had not returned " + Delays.CEILING.toSeconds()
                    + " s after all its work was released");
        }
        if (thrown != null) {
            throw new AssertionError(method + " threw " + thrown, thrown);
        }
        return value;
    }

    /** Rethrows the starter's "not implemented yet", so that the starter fails for the right reason. */
    public void rethrowNotImplemented() {
        if (thrown instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
    }

    /** {@link #watch(BooleanSupplier, Predicate)} with {@link #isWaiting} as the wait that counts. */
    public Seen watch(BooleanSupplier ready) {
        return watch(ready, Background::isWaiting);
    }

    /**
     * Watches the call, at most the ceiling, until it has returned, or until {@code waits} has held
     * on ten polls in a row (1 ms apart) while {@code ready} holds (a call blocked where it must stay).
     */
    public Seen watch(BooleanSupplier ready, Predicate<Thread> waits) {
        int[] polls = new int[3];   // in a row waiting, all, asleep
        boolean settled = until(Delays.CEILING, () -> {
            polls[0] = ready.getAsBoolean() && waits.test(thread) ? polls[0] + 1 : 0;
            polls[1]++;
            polls[2] += isSleeping(thread) ? 1 : 0;
            return done || polls[0] >= 10;
        });
        return done ? Seen.RETURNED : settled ? Seen.WAITING : 2 * polls[2] > polls[1] ? Seen.SLEEPING : Seen.NEITHER;
    }

    /**
     * Releases held work one piece at a time, in order; after each release, watches the call until it
     * returns or blocks in a wait for something other than the pieces that have ended.
     *
     * @param threadOf the thread that runs piece {@code k}
     * @return how many pieces had been released when the call returned, or -1 if it did not return
     *         before the last piece was released
     */
    public int releaseOneByOne(List<CountDownLatch> releases, IntFunction<Thread> threadOf) {
        List<Integer> ended = new ArrayList<>();
        for (int k = 0; k < releases.size() - 1; k++) {
            releases.get(k).countDown();
            Thread piece = threadOf.apply(k);
            try {
                piece.join(Delays.CEILING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            ended.add(System.identityHashCode(piece));
            if (!until(Delays.CEILING, () -> done || isWaiting(thread) && !ended.contains(lockId(thread)))) {
                return -1;
            }
            if (done) {
                return k + 1;
            }
        }
        releases.getLast().countDown();
        return -1;
    }

    private static Integer lockId(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info == null || info.getLockInfo() == null ? null : info.getLockInfo().getIdentityHashCode();
    }

    /** Polls {@code condition} every millisecond until it holds or {@code limit} has passed; whether it held. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** {@link #until(Duration, BooleanSupplier)} with the ceiling. */
    public static boolean until(BooleanSupplier condition) {
        return until(Delays.CEILING, condition);
    }

    /**
     * Whether {@code thread} is blocked in a wait: parked (a latch, a future, a lock, a condition) or
     * in {@code Object.wait} (a join), and not asleep. The stack is the evidence, not only the state.
     */
    public static boolean isWaiting(Thread thread) {
        if (!isParkedState(thread)) {
            return false;
        }
        boolean waits = false;
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            if (type.equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep")) {
                return false;
            }
            waits |= type.equals("jdk.internal.misc.Unsafe") && frame.getMethodName().equals("park")
                    || type.equals("java.lang.Object") && frame.getMethodName().startsWith("wait");
        }
        return waits && isParkedState(thread);
    }

    /** Whether {@code thread} is asleep in {@code Thread.sleep}. */
    public static boolean isSleeping(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals("java.lang.Thread") && f.getMethodName().startsWith("sleep"));
    }

    /** Whether {@code thread} is only taking a lock: BLOCKED on a monitor, or parked to acquire a ReentrantLock. */
    public static boolean isTakingLock(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        return thread.getState() == Thread.State.BLOCKED || isParkedState(thread) && blocker != null
                && blocker.getClass().getName().startsWith("java.util.concurrent.locks.Reentrant");
    }

    /** Whether {@code thread} has a frame of {@code type} (or of a class nested in it) on its stack. */
    public static boolean isIn(Thread thread, Class<?> type) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(type.getName()));
    }

    /** Whether {@code waiter} is blocked or parked on a monitor or lock that {@code owner} holds. */
    public static boolean waitsForLockHeldBy(Thread waiter, Thread owner) {
        ThreadInfo info = THREADS.getThreadInfo(waiter.threadId());
        return info != null && info.getLockOwnerId() == owner.threadId();
    }

    /** Whether {@code thread} holds any monitor or {@code java.util.concurrent} lock right now. */
    public static boolean holdsAnyLock(Thread thread) {
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {thread.threadId()}, true, true);
        return infos.length == 1 && infos[0] != null
                && (infos[0].getLockedMonitors().length > 0 || infos[0].getLockedSynchronizers().length > 0);
    }

    /** The thread's state and the first frame of course code outside the grader, for messages. */
    public static String where(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        String frame = Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("course.") && !f.getClassName().startsWith("course.grading."))
                .findFirst().or(() -> Arrays.stream(stack).findFirst())
                .map(StackTraceElement::toString).orElse("(no stack)");
        return thread.getState() + " at " + frame;
    }

    private static boolean isParkedState(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * The calls one test started; after each test (as a JUnit extension:
     * {@code @RegisterExtension final Background.Group workers = new Background.Group();}) it stops
     * those still running, before the grader's check for leaked threads.
     */
    public static final class Group implements AutoCloseable, AfterEachCallback {
        private final List<Background<?>> started = new ArrayList<>();

        public <T> Background<T> start(String name, Callable<T> call) {
            Background<T> b = Background.start(name, call);
            started.add(b);
            return b;
        }

        public Background<Void> run(String name, Body body) {
            Background<Void> b = Background.run(name, body);
            started.add(b);
            return b;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            close();
        }

        @Override
        public void close() {
            started.forEach(b -> b.thread.interrupt());
            started.forEach(Background::stop);
            started.clear();
        }
    }
}
