package course.lesson04;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise 7 · A fixed-size first-in-first-out buffer between producer and consumer threads.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #put(Object)} adds an item at the tail; while the buffer is full it waits until a
 *       {@code take()} has made room. {@link #take()} removes and returns the head; while the buffer
 *       is empty it waits until a {@code put()} has added an item. Items come out in the order they
 *       went in; {@link #size()} tells how many are in.</li>
 *   <li>A waiting thread blocks (parks), it does not spin or sleep, and it goes on only when the
 *       buffer really has room (or an item) for it, whatever woke it up. No waiting thread is left
 *       waiting when the buffer could serve it.</li>
 *   <li>An interrupt while waiting ends the call with {@link InterruptedException}; the buffer is
 *       then unchanged.</li>
 *   <li>Build it on the {@link Lock} passed to the constructor and on conditions made from it with
 *       {@code lock.newCondition()} (the tests pass in a lock of their own to watch and to wake
 *       the waiting threads). Every method leaves the lock free when it returns or throws.</li>
 * </ul>
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

    /**
     * Adds {@code item} at the tail, waiting while the buffer is full.
     *
     * @throws InterruptedException if interrupted while waiting; the item is not added
     */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedBuffer.put: add the item at the tail, waiting while the buffer is full");
    }

    /**
     * Removes and returns the head, waiting while the buffer is empty.
     *
     * @throws InterruptedException if interrupted while waiting; nothing is removed
     */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedBuffer.take: remove and return the head, waiting while the buffer is empty");
    }

    /** How many items the buffer holds right now. */
    public int size() {
        throw new UnsupportedOperationException("not implemented yet: BoundedBuffer.size: return how many items the buffer holds");
    }

    /** The most items the buffer can hold. */
    public int capacity() {
        return capacity;
    }
}
