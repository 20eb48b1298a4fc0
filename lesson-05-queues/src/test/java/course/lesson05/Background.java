package course.lesson05;

import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test support: runs one blocking call on its own platform thread and carries its outcome
 * (value or exception) back to the test thread.
 *
 * <p>Lets a test put a thread into {@code join()}, {@code put()} or {@code take()}, look at its
 * state from outside, and rethrow whatever the student's code threw in that thread.
 */
final class Background<T> {

    /** What a thread looked like when {@link #awaitParkedOrDone()} stopped watching it. */
    enum Seen { PARKED, FINISHED, SPINNING, POLLING }

    private final Thread thread;
    private final AtomicReference<T> value = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Background(String name, Callable<T> body) {
        this.thread = Thread.ofPlatform().name(name).unstarted(() -> {
            try {
                value.set(body.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
    }

    static <T> Background<T> call(String name, Callable<T> body) {
        Background<T> background = new Background<>(name, body);
        background.thread.start();
        return background;
    }

    interface Body {
        void run() throws Exception;
    }

    static Background<Void> run(String name, Body body) {
        return call(name, () -> {
            body.run();
            return null;
        });
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return !thread.isAlive();
    }

    /**
     * Waits until the thread is either parked (WAITING / TIMED_WAITING: blocked properly) or
     * finished. A thread that stays RUNNABLE for the whole ceiling is spinning.
     */
    Seen awaitParkedOrDone() {
        try {
            await().atMost(Delays.CEILING).pollInterval(Duration.ofMillis(5)).until(() -> {
                Thread.State state = thread.getState();
                return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.TERMINATED;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return Seen.SPINNING;
        }
        return thread.getState() == Thread.State.TERMINATED ? Seen.FINISHED : Seen.PARKED;
    }

    /**
     * Waits until the thread waits in {@code await()} on a condition of {@code lock} (PARKED), or
     * has finished (FINISHED), or sleeps/waits with a timeout somewhere else (POLLING: a loop
     * around {@code Thread.sleep} or a timed wait that does not use the lock's conditions).
     * A thread that does none of these for the whole ceiling is SPINNING (or blocked on some
     * other lock: the message says so).
     */
    Seen awaitAwaitingOn(SpyLock lock) {
        Seen[] seen = new Seen[1];
        try {
            await().atMost(Delays.CEILING).pollInterval(Duration.ofMillis(2)).until(() -> {
                Thread.State state = thread.getState();
                if (state == Thread.State.TERMINATED) {
                    seen[0] = Seen.FINISHED;
                } else if (lock.waitingThreads().contains(thread)) {
                    seen[0] = Seen.PARKED;
                } else if (state == Thread.State.TIMED_WAITING && !lock.hasQueuedThread(thread)
                        && !lock.waitingThreads().contains(thread)) {
                    // not in a Condition's queue and not queued for the lock (where a thread signalled
                    // out of a timed await still looks TIMED_WAITING until it runs): sleeping elsewhere
                    seen[0] = Seen.POLLING;
                }
                return seen[0] != null;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return Seen.SPINNING;
        }
        return seen[0];
    }

    /** The thread's state and where it is, for messages. */
    String where() {
        StackTraceElement[] stack = thread.getStackTrace();
        String frame = java.util.Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("course.lesson05") && !f.getClassName().contains("Test"))
                .findFirst()
                .or(() -> java.util.Arrays.stream(stack).findFirst())
                .map(StackTraceElement::toString)
                .orElse("(no stack)");
        return thread.getState() + " at " + frame;
    }

    /** Rethrows what the thread threw, if it has finished with an exception. */
    void rethrowFailure() {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("thread '" + thread.getName() + "' threw " + t, t);
    }

    /** Whether the thread has finished by throwing. */
    Throwable failure() {
        return failure.get();
    }

    /**
     * Waits (up to the ceiling) for the thread to finish and returns its value; rethrows its
     * exception; fails with {@code stillBlocked} if it is still running after the ceiling.
     */
    T get(String stillBlocked) {
        try {
            thread.join(Delays.CEILING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted", e);
        }
        if (thread.isAlive()) {
            stop();
            throw new AssertionError(stillBlocked);
        }
        rethrowFailure();
        return value.get();
    }

    /** Interrupts the thread and waits for it to end, so no thread outlives the test. */
    void stop() {
        if (!thread.isAlive()) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Delays.THREAD_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
