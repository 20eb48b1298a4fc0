package course.lesson05;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A FIFO queue with a fixed capacity that applies <em>back-pressure</em>: a producer that calls
 * {@link #put} while the queue is full waits until a consumer makes room, and a consumer that
 * calls {@link #take} while it is empty waits until a producer adds an item. A fast producer
 * is thereby slowed down to the consumers' pace instead of filling memory with a backlog.
 *
 * <pre>{@code
 * BoundedQueue<String> lines = new BoundedQueue<>(100);
 * // producer                              // consumer
 * lines.put(reader.readLine());            String line = lines.take();
 * }</pre>
 *
 * <p>What to build (this is how {@code java.util.concurrent.ArrayBlockingQueue} works inside):
 * <ul>
 *   <li>Guard the items with the {@link ReentrantLock} the constructor receives: every method
 *       locks it, and unlocks it in every case, even when an exception is thrown.</li>
 *   <li>Make two {@link java.util.concurrent.locks.Condition}s from it with
 *       {@code lock.newCondition()}: "not full" (producers wait on it) and "not empty"
 *       (consumers wait on it). Signal the right one after each change.</li>
 *   <li>A waiting thread may wake up although nothing changed for it ({@code Condition.await()}
 *       allows spurious wake-ups, and another thread may have got there first): re-check the
 *       state after every wake-up before you go on.</li>
 *   <li>A thread blocked in {@code put}/{@code take} that is interrupted throws
 *       {@link InterruptedException}.</li>
 * </ul>
 * Do not delegate to a {@code java.util.concurrent} queue: build the waiting yourself.
 *
 * @param <E> the type of the items
 */
public final class BoundedQueue<E> {

    private final int capacity;
    private final ReentrantLock lock;

    /**
     * Creates an empty queue that holds at most {@code capacity} items.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public BoundedQueue(int capacity) {
        this(capacity, new ReentrantLock());
    }

    /** Same, guarded by the given lock (the tests pass their own to watch who waits on it). */
    BoundedQueue(int capacity, ReentrantLock lock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.lock = lock;
    }

    /** The most items this queue holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds {@code item} at the tail, waiting while the queue is full.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code item} is null
     */
    public void put(E item) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.put — lock, wait on a 'not full' Condition while size == capacity, add, signal 'not empty'");
    }

    /**
     * Removes and returns the head, waiting while the queue is empty.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public E take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.take — lock, wait on a 'not empty' Condition while empty, remove, signal 'not full'");
    }

    /** The number of items in the queue right now. */
    public int size() {
        throw new UnsupportedOperationException("not implemented yet: BoundedQueue.size — return the item count, read under the lock");
    }
}
