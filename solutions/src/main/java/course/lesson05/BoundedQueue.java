package course.lesson05;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO queue that applies <em>back-pressure</em>: {@link #put} waits while the queue
 * is full and {@link #take} waits while it is empty. A producer faster than its consumers is
 * slowed down to their pace instead of piling up an unbounded backlog in memory.
 *
 * <p>One {@link ReentrantLock} guards the items, with two {@link Condition}s: producers wait on
 * {@code notFull}, consumers on {@code notEmpty}. Every wait sits in a {@code while} loop that
 * re-checks the state, because a woken thread may find the state changed again (another thread
 * got there first) or may have woken spuriously.
 *
 * <p>Sample usage: a producer and a consumer that never hold more than 100 lines in memory.
 * <pre>{@code
 * BoundedQueue<String> lines = new BoundedQueue<>(100);
 * Thread.ofPlatform().start(() -> {
 *     try {
 *         for (String line : hugeFile) lines.put(line);   // blocks while 100 lines wait
 *         lines.put(END);
 *     } catch (InterruptedException e) {
 *         Thread.currentThread().interrupt();
 *     }
 * });
 * for (String line = lines.take(); line != END; line = lines.take()) {
 *     process(line);
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before {@code put} of an item
 * <i>happen-before</i> actions after that item is returned by {@code take} in another thread.
 *
 * @param <E> the type of the items
 */
public final class BoundedQueue<E> {

    private final int capacity;
    private final ReentrantLock lock;
    private final Condition notFull;
    private final Condition notEmpty;
    private final ArrayDeque<E> items;

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
        this.notFull = lock.newCondition();
        this.notEmpty = lock.newCondition();
        this.items = new ArrayDeque<>(capacity);
    }

    /** The most items this queue holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds {@code item} at the tail, waiting while the queue is full.
     *
     * @throws InterruptedException if interrupted while waiting; the item is then not added
     * @throws NullPointerException if {@code item} is null
     */
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
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
     * Removes and returns the head, waiting while the queue is empty.
     *
     * @throws InterruptedException if interrupted while waiting; nothing is then removed
     */
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            E item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** The number of items in the queue right now. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
