package course.lesson01;

import course.grading.Delays;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

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
final class HeldCall<T> {

    /**
     * How long held work waits for the test's release before it gives up: longer than
     * {@link #watch} watches, so the work is still held whenever the watch ends.
     */
    static final Duration HOLD = Delays.CEILING.multipliedBy(3);

    /** What the caller was seen doing while the work was held. */
    enum Seen {
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
    static <T> HeldCall<T> start(String name, Callable<T> call) {
        HeldCall<T> held = new HeldCall<>(name, call);
        held.caller.start();
        return held;
    }

    Thread caller() {
        return caller;
    }

    /**
     * Watches the caller until it returns, or until it waits (not sleeps) while {@code allStarted}
     * holds. Call it while the work is held; release the work afterwards.
     */
    Seen watch(BooleanSupplier allStarted) {
        try {
            await().atMost(Delays.CEILING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> !caller.isAlive() || allStarted.getAsBoolean() && isWaitingNotSleeping(caller));
        } catch (ConditionTimeoutException e) {
            return isSleeping(caller) ? Seen.SLEEPING : Seen.NEITHER;
        }
        return caller.isAlive() ? Seen.WAITING : Seen.RETURNED;
    }

    /**
     * Waits for the call to end (after the work was released) and returns its value; rethrows a
     * starter's "not implemented yet" and any exception the call threw, as an AssertionError.
     */
    T finish(String method) throws InterruptedException {
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
    void rethrowNotImplemented() {
        if (thrown.get() instanceof UnsupportedOperationException notYet) {
            throw notYet;
        }
    }

    Throwable thrown() {
        return thrown.get();
    }

    /**
     * Waits (once, at most {@link Delays#CEILING}) for the caller to end. Always call it after
     * releasing the work, and again in a finally block: the second call does not wait again.
     */
    void end() throws InterruptedException {
        if (!ended) {
            ended = true;
            caller.join(Delays.CEILING);
        }
    }

    /**
     * Whether {@code thread} is blocked in a wait: parked (a latch, a future, a lock's condition)
     * or in {@code Object.wait} (a join), and not asleep. The stack is the evidence, not only the
     * state, so a thread that polls with short sleeps is never taken for a waiting one.
     */
    static boolean isWaitingNotSleeping(Thread thread) {
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

    static boolean isSleeping(Thread thread) {
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
