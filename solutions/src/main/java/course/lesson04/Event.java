package course.lesson04;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that threads can wait for: Python's {@code threading.Event}.
 *
 * <p>An event starts clear. {@link #set()} sets it and wakes every waiting thread;
 * {@link #clear()} clears it again; {@link #await(long, TimeUnit)} returns at once when the event
 * is set and otherwise parks until it is set or the timeout runs out. Waiting threads re-check the
 * flag after every wake-up, so a spurious wake-up of the underlying {@link Condition} never ends
 * a wait early.
 *
 * <p><b>Sample usage:</b> workers wait for a start signal.
 * <pre>{@code
 * Event go = new Event();
 * for (int i = 0; i < 4; i++) {
 *     Thread.ofPlatform().start(() -> {
 *         if (go.await(5, TimeUnit.SECONDS)) {
 *             work();
 *         }
 *     });
 * }
 * prepare();
 * go.set(); // all four start
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before {@code set()} happen-before the
 * actions following an {@code await} that returns {@code true} because of it.
 */
public class Event {
    private final Lock lock;
    private final Condition changed;
    private boolean set; // guarded by lock

    /** A clear event with its own lock. */
    public Event() {
        this(new ReentrantLock());
    }

    /** A clear event built on {@code lock}. */
    public Event(Lock lock) {
        this.lock = lock;
        this.changed = lock.newCondition();
    }

    /** Sets the event and wakes all waiting threads. */
    public void set() {
        lock.lock();
        try {
            set = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Clears the event: later waiters wait again. */
    public void clear() {
        lock.lock();
        try {
            set = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the event is set right now. */
    public boolean isSet() {
        lock.lock();
        try {
            return set;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the event is set or the timeout runs out.
     *
     * @return {@code true} if the event is set, {@code false} if the timeout ran out first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!set) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
