package course.lesson04;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise 6 · A one-flag signal between threads: Python's {@code threading.Event} in Java.
 *
 * <p>An event is either set or clear (it starts clear). {@link #set()} sets it and wakes
 * <em>every</em> waiting thread; {@link #clear()} clears it; {@link #await(long, TimeUnit)} returns
 * {@code true} at once if it is set, otherwise waits until it is set ({@code true}) or the timeout
 * runs out ({@code false}).
 *
 * <p>Build it on the {@link Lock} passed to the constructor and a {@link java.util.concurrent.locks.Condition}
 * from {@code lock.newCondition()} (the tests pass in a lock of their own to watch the condition).
 * Waiting threads park on the condition; they never spin. A parked thread may wake up although
 * nobody signalled it (a <i>spurious wake-up</i>, allowed by {@code Condition}'s contract): wake-up
 * alone proves nothing, so check the flag again before returning. The timeout is a total: however
 * often a waiter wakes up, {@code await} returns {@code false} once that much time has passed
 * since it was called, not later. An interrupt while waiting ends {@code await} with
 * {@link InterruptedException}. Every method leaves the lock free when it returns or throws.
 */
public class Event {
    private final Lock lock;

    /** A clear event with its own lock. */
    public Event() {
        this(new ReentrantLock());
    }

    /** A clear event built on {@code lock}. */
    public Event(Lock lock) {
        this.lock = lock;
    }

    /** Sets the event and wakes all waiting threads. */
    public void set() {
        throw new UnsupportedOperationException(
                "not implemented yet: Event.set: under the lock, set the flag and signalAll() the condition");
    }

    /** Clears the event: later waiters wait again. */
    public void clear() {
        throw new UnsupportedOperationException("not implemented yet: Event.clear: under the lock, clear the flag");
    }

    /** Whether the event is set right now. */
    public boolean isSet() {
        throw new UnsupportedOperationException("not implemented yet: Event.isSet: read the flag under the lock");
    }

    /**
     * Waits until the event is set or the timeout runs out.
     *
     * @return {@code true} if the event is set, {@code false} if the timeout ran out first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: Event.await: while the flag is clear and time is left, awaitNanos() on the condition; return the flag");
    }
}
