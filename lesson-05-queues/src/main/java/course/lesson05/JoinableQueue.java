package course.lesson05;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unbounded FIFO queue that also counts <em>unfinished tasks</em>, in the spirit of Python's
 * {@code queue.Queue} with its {@code task_done()} and {@code join()}.
 *
 * <p>Every {@link #put} adds one unfinished task. A consumer {@link #take}s an item, processes
 * it, and then calls {@link #taskDone()} to say "that one is finished". {@link #join()} blocks
 * until the count of unfinished tasks drops to zero, that is, until every item ever put has been
 * taken <em>and</em> processed. Note the difference from "the queue is empty": an item that a
 * worker has taken but is still working on is no longer in the queue, but it is not done.
 *
 * <p>A producer uses it like this:
 * <pre>{@code
 * for (String domain : domains) jobs.put(domain);
 * jobs.join();                 // returns when the workers have called taskDone() once per domain
 * }</pre>
 *
 * <p>What to build:
 * <ul>
 *   <li>{@code put} never blocks; {@code take} blocks while the queue is empty;</li>
 *   <li>{@code join} blocks while there are unfinished tasks, without burning CPU and without
 *       polling (no sleep loop: it waits until it is signalled), and <em>every</em> thread
 *       waiting in it returns when the count reaches zero;</li>
 *   <li>{@code taskDone} called when there is no unfinished task throws
 *       {@link IllegalStateException} and leaves the count unchanged (Python raises
 *       {@code ValueError('task_done() called too many times')}).</li>
 * </ul>
 * Several producers, consumers and joiners use one queue at the same time: every field they
 * share must be guarded.
 *
 * <p>The contract on locking, which the tests rely on: guard the queue's state with the
 * {@link ReentrantLock} the constructor receives (the tests pass their own, to see who waits on
 * it), and wait only in {@code await()} on {@link java.util.concurrent.locks.Condition}s made from
 * it with {@code lock.newCondition()}. A waiting method returns only when its condition holds:
 * {@code await()} may return without a signal, or after another thread has changed the state
 * again, and a waiting method must not notice any difference. Every method leaves the lock free
 * when it returns or throws.
 *
 * @param <E> the type of the items
 */
public final class JoinableQueue<E> {

    private final ReentrantLock lock;

    /** Creates an empty queue with no unfinished tasks. */
    public JoinableQueue() {
        this(new ReentrantLock());
    }

    /** Same, guarded by the given lock (the tests pass their own to watch who waits on it). */
    JoinableQueue(ReentrantLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Adds {@code item} at the tail and counts one more unfinished task. Never blocks.
     *
     * @throws NullPointerException if {@code item} is null
     */
    public void put(E item) {
        throw new UnsupportedOperationException(
                "not implemented yet: JoinableQueue.put — add the item, count one more unfinished task, wake a waiting take()");
    }

    /**
     * Removes and returns the head, waiting while the queue is empty.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public E take() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: JoinableQueue.take — wait while the queue is empty, then remove and return the head");
    }

    /**
     * Says that one previously taken item has been fully processed.
     *
     * @throws IllegalStateException if there is no unfinished task (called more often than put)
     */
    public void taskDone() {
        throw new UnsupportedOperationException(
                "not implemented yet: JoinableQueue.taskDone — count one task finished; throw IllegalStateException if none is unfinished; wake all join()ers at zero");
    }

    /**
     * Waits until every item put so far has been marked done with {@link #taskDone()}.
     * Returns at once if there are no unfinished tasks.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: JoinableQueue.join — wait on a Condition of the lock (no spinning, no sleep loop) while unfinished tasks > 0");
    }

    /** The number of items put but not yet marked done. */
    public int unfinishedTasks() {
        throw new UnsupportedOperationException(
                "not implemented yet: JoinableQueue.unfinishedTasks — return the count of items put but not yet marked done");
    }
}
