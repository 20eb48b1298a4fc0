package course.lesson04;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-capacity first-in-first-out buffer for handing items from producer threads to consumer
 * threads.
 *
 * <p>{@link #put(Object)} blocks while the buffer is full, {@link #take()} while it is empty. One
 * {@link Lock} guards the items; producers wait on its {@code notFull} condition, consumers on
 * {@code notEmpty}. Each waiting loop re-checks its condition after every wake-up, so spurious
 * wake-ups and overtaking threads are harmless.
 *
 * <p><b>Sample usage:</b>
 * <pre>{@code
 * BoundedBuffer<String> lines = new BoundedBuffer<>(16);
 * Thread.ofPlatform().start(() -> {
 *     for (String line : input) {
 *         lines.put(line);        // waits while 16 lines are pending
 *     }
 * });
 * String first = lines.take();    // waits until the producer has put one
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before it puts an item happen-before the
 * actions following the {@code take()} of that item in another thread.
 *
 * @param <T> the type of the items
 */
public class BoundedBuffer<T> {
    private final int capacity;
    private final Lock lock;
    private final Condition notFull;
    private final Condition notEmpty;
    private final ArrayDeque<T> items = new ArrayDeque<>(); // guarded by lock

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
        this.notFull = lock.newCondition();
        this.notEmpty = lock.newCondition();
    }

    /**
     * Adds {@code item} at the tail, waiting while the buffer is full.
     *
     * @throws InterruptedException if interrupted while waiting; the item is not added
     */
    public void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                notFull.await();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the head, waiting while the buffer is empty.
     *
     * @throws InterruptedException if interrupted while waiting; nothing is removed
     */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            T head = items.removeFirst();
            notFull.signal();
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** How many items the buffer holds right now. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** The most items the buffer can hold. */
    public int capacity() {
        return capacity;
    }
}
