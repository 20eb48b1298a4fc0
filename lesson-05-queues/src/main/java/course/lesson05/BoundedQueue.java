package course.lesson05;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO queue that applies <em>back-pressure</em> to its producers and can be
 * <em>closed</em>, so that consumers know when the stream of items has ended.
 *
 * <p>Lesson 04's bounded buffer only knows one reaction to a full queue: wait, however long it
 * takes. Real producers need two more things, and this queue adds them:
 * <ul>
 *   <li><b>A timed offer.</b> {@link #offer(Object, Duration)} waits for room at most the given
 *       time, then gives up and returns {@code false}, so a producer can shed load (drop the
 *       item, retry later, answer "busy") instead of hanging behind slow consumers.</li>
 *   <li><b>An end of stream.</b> {@link #close()} says "no more items". Consumers drain what is
 *       left and are then told the stream is over, instead of waiting forever in {@code take()}
 *       (the poison pill of exercise 2, built into the queue, and for any number of consumers).</li>
 * </ul>
 *
 * <pre>{@code
 * BoundedQueue<String> lines = new BoundedQueue<>(100);
 * // producer                                         // each consumer
 * if (!lines.offer(line, Duration.ofSeconds(2))) {     for (Optional<String> l = lines.take(); l.isPresent(); l = lines.take()) {
 *     dropped++;                                           process(l.get());
 * }                                                    }                 // empty: closed and drained
 * ...
 * lines.close();                                       // no more lines
 * }</pre>
 *
 * <p>The contract, which the tests check through behaviour:
 * <ul>
 *   <li><b>Capacity.</b> The queue never holds more than {@link #capacity()} items, in FIFO order.</li>
 *   <li><b>put.</b> {@link #put} waits while the queue is full, as long as it takes.</li>
 *   <li><b>offer.</b> {@link #offer(Object, Duration)} waits while the queue is full, at most
 *       {@code timeout} <em>in total</em>: a wake-up that finds the queue still full does not
 *       restart the timeout. Returns {@code true} if the item was added, {@code false} if the time
 *       ran out (the item is then not added). A zero or negative timeout does not wait.</li>
 *   <li><b>take.</b> {@link #take} waits while the queue is empty and open, then returns the head
 *       in an {@link Optional}. Once the queue is closed <em>and</em> empty it returns
 *       {@link Optional#empty()} at once, every time. A closed queue that still holds items hands
 *       them out first.</li>
 *   <li><b>close.</b> After {@link #close()}, {@code put} and {@code offer} throw
 *       {@link IllegalStateException} and add nothing; producers and consumers that were waiting
 *       when it was called stop waiting (producers throw, consumers drain or get the empty
 *       {@code Optional}). Closing twice is harmless.</li>
 *   <li><b>Waiting.</b> Guard the state with the {@link ReentrantLock} the constructor receives,
 *       and wait only in {@code await()}/{@code awaitNanos()} on
 *       {@link java.util.concurrent.locks.Condition}s made from it with {@code lock.newCondition()}:
 *       no spinning, no sleep loops. A waiting method returns only when its condition holds:
 *       {@code await()} may return without a signal, or after another thread has changed the
 *       state again. Every method leaves the lock free when it returns or throws.</li>
 *   <li><b>Interrupts.</b> A thread interrupted while waiting in {@code put}, {@code offer} or
 *       {@code take} throws {@link InterruptedException}, and the queue is left unchanged.</li>
 * </ul>
 * Do not delegate to a {@code java.util.concurrent} queue: build the waiting yourself.
 *
 * @param <E> the type of the items
 */
public final class BoundedQueue<E> implements AutoCloseable {

    private final int capacity;
    private final ReentrantLock lock;

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
    }

    /** The most items this queue holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds {@code item} at the tail, waiting as long as it takes while the queue is full.
     *
     * @throws IllegalStateException if the queue is closed, before or while waiting
     * @throws InterruptedException  if interrupted while waiting; the item is then not added
     * @throws NullPointerException  if {@code item} is null
     */
    public void put(E item) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.put — wait on a 'not full' Condition while full and open, reject if closed, add, signal 'not empty'");
    }

    /**
     * Adds {@code item} at the tail if there is room within {@code timeout} (in total, across
     * wake-ups).
     *
     * @return true if the item was added, false if the queue was still full when the time ran out
     * @throws IllegalStateException if the queue is closed, before or while waiting
     * @throws InterruptedException  if interrupted while waiting; the item is then not added
     * @throws NullPointerException  if {@code item} or {@code timeout} is null
     */
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.offer — like put, but wait at most `timeout` in total (awaitNanos returns the time left) and return false when it runs out");
    }

    /**
     * Removes and returns the head, waiting while the queue is empty and open.
     *
     * @return the head; or {@link Optional#empty()} once the queue is closed and empty
     * @throws InterruptedException if interrupted while waiting; nothing is then removed
     */
    public Optional<E> take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.take — wait on a 'not empty' Condition while empty and open; return the head, or Optional.empty() once closed and drained");
    }

    /**
     * Closes the queue for producers: later {@code put}/{@code offer} throw
     * {@link IllegalStateException}, waiting threads stop waiting, consumers drain what is left.
     * Closing again has no effect.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException(
                "not implemented yet: BoundedQueue.close — mark the queue closed and wake every waiting producer and consumer");
    }

    /** The number of items in the queue right now. */
    public int size() {
        throw new UnsupportedOperationException("not implemented yet: BoundedQueue.size — return the item count, read under the lock");
    }
}
