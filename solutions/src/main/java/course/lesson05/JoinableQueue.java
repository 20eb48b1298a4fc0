package course.lesson05;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unbounded FIFO queue that also counts <em>unfinished tasks</em>, in the spirit of Python's
 * {@code queue.Queue} with its {@code task_done()} and {@code join()}.
 *
 * <p>Every {@link #put} adds one unfinished task. A consumer {@link #take}s an item, processes
 * it, and then calls {@link #taskDone()}. {@link #join()} blocks until the count of unfinished
 * tasks is zero: every item ever put has been taken <em>and</em> processed. An item a worker is
 * still working on is no longer in the queue, but it is not done, so "the queue is empty" is not
 * the same as "the work is finished".
 *
 * <p>Sample usage: a fixed set of daemon workers and a producer that waits for the batch.
 * <pre>{@code
 * JoinableQueue<String> jobs = new JoinableQueue<>();
 * for (int i = 0; i < 4; i++) {
 *     Thread.ofPlatform().daemon().start(() -> {
 *         try {
 *             while (true) {
 *                 String domain = jobs.take();
 *                 try {
 *                     check(domain);
 *                 } finally {
 *                     jobs.taskDone();      // exactly once per item taken, even if check throws
 *                 }
 *             }
 *         } catch (InterruptedException e) {
 *             // asked to stop
 *         }
 *     });
 * }
 * domains.forEach(jobs::put);
 * jobs.join();                              // every domain has been checked
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before {@code put} of an item
 * <i>happen-before</i> actions after that item is returned by {@code take} in another thread.
 * Actions in a thread before it calls {@code taskDone} <i>happen-before</i> actions following the
 * return of a {@code join} that this call allowed to return.
 *
 * @param <E> the type of the items
 */
public final class JoinableQueue<E> {

    private final ReentrantLock lock;
    private final Condition notEmpty;
    private final Condition allDone;
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private int unfinished;   // guarded by lock

    /** Creates an empty queue with no unfinished tasks. */
    public JoinableQueue() {
        this(new ReentrantLock());
    }

    /** Same, guarded by the given lock (the tests pass their own to watch who waits on it). */
    JoinableQueue(ReentrantLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.notEmpty = lock.newCondition();
        this.allDone = lock.newCondition();
    }

    /**
     * Adds {@code item} at the tail and counts one more unfinished task. Never blocks.
     *
     * @throws NullPointerException if {@code item} is null
     */
    public void put(E item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            items.addLast(item);
            unfinished++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes and returns the head, waiting while the queue is empty.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            return items.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Says that one previously taken item has been fully processed. When the count of unfinished
     * tasks reaches zero, every thread waiting in {@link #join()} is released.
     *
     * @throws IllegalStateException if there is no unfinished task (called more often than put);
     *                               the count is left unchanged
     */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called too many times: no unfinished task");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every item put so far has been marked done with {@link #taskDone()}.
     * Returns at once if there are no unfinished tasks.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The number of items put but not yet marked done. */
    public int unfinishedTasks() {
        lock.lock();
        try {
            return unfinished;
        } finally {
            lock.unlock();
        }
    }
}
