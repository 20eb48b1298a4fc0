package course.lesson05;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO queue that applies <em>back-pressure</em> to its producers and can be
 * <em>closed</em>: the end of a stream of items, announced by the producer side.
 *
 * <p>Producers choose how to react to a full queue: {@link #put} waits for room as long as it
 * takes; {@link #offer(Object, Duration)} waits at most the given time and then gives up, so a
 * producer can shed load (drop, retry later, report "busy") instead of piling up a backlog.
 *
 * <p>{@link #close()} ends the stream. From then on {@code put} and {@code offer} throw
 * {@link IllegalStateException}, and producers still waiting for room are woken and throw too.
 * Consumers drain what is left: {@link #take} keeps returning the remaining items and, once the
 * queue is closed and empty, returns {@link Optional#empty()} at once, every time. Consumers
 * waiting on an empty queue are woken by {@code close()} and get the empty {@code Optional}.
 *
 * <p>One {@link ReentrantLock} guards the items and the closed flag, with two {@link Condition}s:
 * producers wait on {@code notFull}, consumers on {@code notEmpty}. Every wait sits in a
 * {@code while} loop that re-checks the state, because a woken thread may find the state changed
 * again (another thread got there first) or may have woken spuriously; a timed wait keeps its
 * deadline across such wake-ups ({@code awaitNanos} returns the time still left).
 *
 * <p>Sample usage: a reader thread and a pool of consumers that never hold more than 100 lines.
 * <pre>{@code
 * BoundedQueue<String> lines = new BoundedQueue<>(100);
 * Thread.ofPlatform().start(() -> {
 *     try (lines) {                                       // close() when the file is read
 *         for (String line : hugeFile) {
 *             if (!lines.offer(line, Duration.ofSeconds(2))) {
 *                 log("consumers are too slow, dropped " + line);
 *             }
 *         }
 *     } catch (InterruptedException e) {
 *         Thread.currentThread().interrupt();
 *     }
 * });
 * // each consumer:
 * for (Optional<String> line = lines.take(); line.isPresent(); line = lines.take()) {
 *     process(line.get());
 * }                                                     // empty: closed and drained
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before {@code put} or a successful
 * {@code offer} of an item <i>happen-before</i> actions after that item is returned by
 * {@code take} in another thread; actions before {@code close()} happen-before a {@code take}
 * returning {@code Optional.empty()}.
 *
 * @param <E> the type of the items
 */
public final class BoundedQueue<E> implements AutoCloseable {

    private final int capacity;
    private final ReentrantLock lock;
    private final Condition notFull;
    private final Condition notEmpty;
    private final ArrayDeque<E> items;
    private boolean closed;   // guarded by lock

    /**
     * Creates an empty, open queue that holds at most {@code capacity} items.
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
        this.lock = Objects.requireNonNull(lock, "lock");
        this.notFull = lock.newCondition();
        this.notEmpty = lock.newCondition();
        this.items = new ArrayDeque<>(capacity);
    }

    /** The most items this queue holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds {@code item} at the tail, waiting as long as it takes while the queue is full.
     *
     * @throws IllegalStateException if the queue is closed, before or while waiting; the item is
     *                               then not added
     * @throws InterruptedException  if interrupted while waiting; the item is then not added
     * @throws NullPointerException  if {@code item} is null
     */
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (!closed && items.size() == capacity) {
                notFull.await();
            }
            requireOpen();
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code item} at the tail if there is room within {@code timeout}. Waits at most
     * {@code timeout} in total, however often it is woken up in between; a zero or negative
     * timeout does not wait at all.
     *
     * @return true if the item was added, false if the queue was still full when the time ran out
     * @throws IllegalStateException if the queue is closed, before or while waiting
     * @throws InterruptedException  if interrupted while waiting; the item is then not added
     * @throws NullPointerException  if {@code item} or {@code timeout} is null
     */
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!closed && items.size() == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);      // the time still left: the deadline holds
            }
            requireOpen();
            enqueue(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the head, waiting while the queue is empty and open.
     *
     * @return the head; or {@link Optional#empty()} once the queue is closed and empty
     * @throws InterruptedException if interrupted while waiting; nothing is then removed
     */
    public Optional<E> take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && items.isEmpty()) {
                notEmpty.await();
            }
            if (items.isEmpty()) {
                return Optional.empty();                 // closed and drained
            }
            E item = items.removeFirst();
            notFull.signal();
            return Optional.of(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the queue for producers. Later {@code put}/{@code offer} calls throw
     * {@link IllegalStateException}; waiting producers are woken and throw too; consumers drain the
     * remaining items and then receive {@link Optional#empty()}. Closing again has no effect.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
            notEmpty.signalAll();
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

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the queue is closed");
        }
    }

    private void enqueue(E item) {
        items.addLast(item);
        notEmpty.signal();
    }
}
