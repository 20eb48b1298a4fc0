package course.lesson04;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise 7 · A fixed-size first-in-first-out buffer between producer and consumer threads.
 *
 * <p>{@link #put(Object)} adds an item at the tail, waiting while the buffer is full;
 * {@link #take()} removes the head, waiting while it is empty. This is the textbook use of a lock
 * with two conditions: producers wait on "not full", consumers on "not empty", and each side
 * signals the other after changing the buffer.
 *
 * <p>Build it on the {@link Lock} passed to the constructor, with conditions from
 * {@code lock.newCondition()} (the tests pass in a lock of their own to watch them). Waiting threads
 * park, never spin, and re-check their condition after every wake-up: {@code Condition.await()}
 * may return without a signal (a spurious wake-up), and by the time a signalled thread runs again
 * another thread may already have taken the item.
 *
 * @param <T> the type of the items
 */
public class BoundedBuffer<T> {
    private final int capacity;
    private final Lock lock;

    /** An empty buffer for {@code capacity} items, with its own lock. */
    public BoundedBuffer(int capacity) {
        this(capacity, new ReentrantLock());
    }

    /** An empty buffer for {@code capacity} items, built on {@code lock}. */
    public BoundedBuffer(int capacity, Lock lock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.lock = lock;
    }

    /** Adds {@code item} at the tail, waiting while the buffer is full. */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedBuffer.put: while full, await notFull; add the item; signal notEmpty");
    }

    /** Removes and returns the head, waiting while the buffer is empty. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedBuffer.take: while empty, await notEmpty; remove the head; signal notFull");
    }

    /** How many items the buffer holds right now. */
    public int size() {
        throw new UnsupportedOperationException("not implemented yet: BoundedBuffer.size: count the items under the lock");
    }

    /** The most items the buffer can hold. */
    public int capacity() {
        return capacity;
    }
}
