package course.grading;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Test support: runs a method that must wait for its threads on a thread of its own (the
 * "caller"), while the test holds the work those threads do on a latch that only the test
 * releases.
 *
 * <p>The verdict never depends on speed. The test releases the work only once the caller is
 * seen <em>blocked in a wait</em> (a join, a latch, a future) with all the work started; a
 * caller that returns while the work is still held has returned early, whatever the machine.
 * A caller that is asleep ({@code Thread.sleep}) is not waiting for anything: the work stays
 * held, so a "wait" made of sleeping always ends, and returns, while the work is still held.
 */
public final class HeldCall<T> {

    /**
     * How long held work waits for the test's release before it gives up: longer than
     * {@link #watch} watches, so the work is still held whenever the watch ends.
     */
    public static final Duration HOLD = Delays.CEILING.multipliedBy(3);

    /** What the caller was seen doing while the work was held. */
    public enum Seen {
        /** the call returned (or threw) while the work was still held */
        RETURNED,
        /** the caller blocked in a wait (not a sleep), with all the work started */
        WAITING,
        /** the caller was still asleep in Thread.sleep when the ceiling was reached */
        SLEEPING,
        /** neither returned nor waited within the ceiling (work never started, or a busy loop) */
        NEITHER
    }

    private final Thread caller;
    private final AtomicReference<T> value = new AtomicReference<>();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private boolean ended;

    private HeldCall(String name, Callable<T> call) {
        caller = Thread.ofPlatform().name(name).unstarted(() -> {
            try {
                value.set(call.call());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
    }

    /** Starts {@code call} on a new platform thread named {@code name}. */
    public static <T> HeldCall<T> start(String name, Callable<T> call) {
        HeldCall<T> held = new HeldCall<>(name, call);
        held.caller.start();
        return held;
    }

    public Thread caller() {
        return caller;
    }

    /**
     * Watches the caller until it returns, or until it waits (not sleeps) while {@code allStarted}
     * holds. Call it while the work is held; release the work afterwards.
     */
    public Seen watch(BooleanSupplier allStarted) {
        try {
            await().atMost(Delays.CEILING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> !caller.isAlive() || allStarted.getAsBoolean() && isWaitingNotSleeping(caller));
        } catch (ConditionTimeoutException e) {
            return isSleeping(caller) ? Seen.SLEEPING : Seen.NEITHER;
        }
        return caller.isAlive() ? Seen.WAITING : Seen.RETURNED;
    }

    /**
     * Releases the held work one piece at a time, in order, and after each release watches the
     * caller again until it either returns or blocks in a wait for something that has not ended
     * yet. A caller that returns while a later piece is still held (it waited for some of its
     * threads, not all) is seen returning, every time.
     *
     * @param releases the latch holding each piece of work, in the order to release them
     * @param threadOf the thread that runs piece {@code k}
     * @return how many pieces had been released when the caller returned, or {@code -1} if it
     *         did not return before the last piece was released
     */
    public int releaseOneByOne(List<CountDownLatch> releases, IntFunction<Thread> threadOf) {
        List<Thread> ended = new ArrayList<>();
        for (int k = 0; k < releases.size() - 1; k++) {
            releases.get(k).countDown();
            Thread piece = threadOf.apply(k);
            ended.add(piece);
            try {
                piece.join(Delays.CEILING);
                await().atMost(Delays.CEILING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> !caller.isAlive()
                                || isWaitingNotSleeping(caller) && !waitsForOneOf(caller, ended));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } catch (ConditionTimeoutException e) {
                return -1;
            }
            if (!caller.isAlive()) {
                return k + 1;
            }
        }
        releases.getLast().countDown();
        return -1;
    }

    /** Whether {@code thread} is blocked on the monitor of one of {@code threads} (a join on one of them). */
    private static boolean waitsForOneOf(Thread thread, List<Thread> threads) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
        LockInfo lock = info == null ? null : info.getLockInfo();
        if (lock == null) {
            return false;
        }
        for (Thread t : threads) {
            if (lock.getIdentityHashCode() == System.identityHashCode(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits for the call to end (after the work was released) and returns its value; rethrows a
     * starter's "not implemented yet" and any exception the call threw, as an AssertionError.
     */
    public T finish(String method) throws InterruptedException {
        end();
        rethrowNotImplemented();
        if (caller.isAlive()) {
            throw new AssertionError(method + " had not returned " + Delays.CEILING.toSeconds()
                    + " s after all its work was released");
        }
        if (thrown.get() != null) {
            throw new AssertionError(method + " threw " + thrown.get(), thrown.get());
        }
        return value.get();
    }

    /** Rethrows the starter's "not implemented yet" exception, so the starter fails for the right reason. */
    public void rethrowNotImplemented() {
        if (thrown.get() instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
    }

    public Throwable thrown() {
        return thrown.get();
    }

    /**
     * Waits (once, at most {@link Delays#CEILING}) for the caller to end. Always call it after
     * releasing the work, and again in a finally block: the second call does not wait again.
     */
    public void end() throws InterruptedException {
        if (!ended) {
            ended = true;
            caller.join(Delays.CEILING);
        }
    }

    /**
     * What went wrong, in words, or {@code null} when the caller was seen waiting.
     *
     * @param seen     what {@link #watch} saw
     * @param method   the method under test, for example {@code "runAll"}
     * @param work     what its threads do, plural, for example {@code "tasks"}
     * @param started  how many had started when the watch ended
     * @param finished how many had finished when the watch ended
     * @param total    how many there are
     */
    public static String mistake(Seen seen, String method, String work, int started, int finished, int total) {
        long ceiling = Delays.CEILING.toSeconds();
        return switch (seen) {
            case WAITING -> null;
            case RETURNED -> String.format("%s returned while its %s were still running (%d of %d had finished, "
                    + "%d had started): did you forget to join() the threads, or wait with Thread.sleep()? "
                    + "Sleeping is not waiting: only join() waits until a thread has ended.",
                    method, work, finished, total, started);
            case SLEEPING -> String.format("%s was still asleep in Thread.sleep() %d s later while its %s were held: "
                    + "it sleeps (or polls with Thread.sleep) instead of waiting for its threads. Sleeping is not "
                    + "waiting: join() every thread.", method, ceiling, work);
            case NEITHER -> started < total
                    ? String.format("only %d of %d %s had started %d s later, and %s had not returned: start every "
                            + "thread first, then join() them all (did you join() each thread right after start()?)",
                            started, total, work, ceiling, method)
                    : String.format("%s neither returned nor blocked waiting for its %s within %d s: it spins or "
                            + "polls with Thread.sleep instead of waiting in join(). Sleeping is not waiting.",
                            method, work, ceiling);
        };
    }

    /** The message for a caller that returned after only {@code released} of {@code total} pieces were released. */
    public static String returnedTooSoon(String method, String work, int released, int total) {
        return String.format("%s returned after only %d of its %d %s had been let finish, while the others were "
                + "still running: it must wait for EVERY thread. join() each thread in a loop after starting them "
                + "all (joining only some of them is not enough).", method, released, total, work);
    }

    /**
     * Whether {@code thread} is blocked in a wait: parked (a latch, a future, a lock's condition)
     * or in {@code Object.wait} (a join), and not asleep. The stack is the evidence, not only the
     * state, so a thread that polls with short sleeps is never taken for a waiting one.
     */
    public static boolean isWaitingNotSleeping(Thread thread) {
        if (!isBlocked(thread.getState())) {
            return false;
        }
        boolean waits = false;
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            String method = frame.getMethodName();
            if (type.equals("java.lang.Thread") && method.startsWith("sleep")) {
                return false;
            }
            if (type.equals("jdk.internal.misc.Unsafe") && method.equals("park")
                    || type.equals("java.lang.Object") && method.startsWith("wait")) {
                waits = true;
            }
        }
        return waits && isBlocked(thread.getState());
    }

    private static boolean isBlocked(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    public static boolean isSleeping(Thread thread) {
        if (thread.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep")) {
                return true;
            }
        }
        return false;
    }
}
