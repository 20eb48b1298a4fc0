package course.lesson05;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Test support: the lock a queue under test is built on, with extra powers for the test.
 *
 * <ul>
 *   <li>It sees which threads wait on the conditions the queue made from it, so a test can tell
 *       "parked in {@code await()}" from "spinning" or "sleeping in a loop".</li>
 *   <li>It can wake every waiting thread as a spurious wake-up would ({@code Condition.await()} is
 *       allowed to return without a signal).</li>
 *   <li>It records every timed wait (which thread, and the deadline it asked for), so a test can
 *       check that a timed operation keeps its deadline across wake-ups.</li>
 *   <li>It can make the next {@code signal()}/{@code signalAll()} throw, so a test can make the
 *       code inside a critical section fail and check that the lock is free afterwards.</li>
 * </ul>
 * The test thread can also hold the lock itself ({@code lock()}) to run several queue operations
 * as one step, for example to take an item away from a thread that has just been signalled.
 */
final class SpyLock extends ReentrantLock {

    /** Thrown by a signal the test armed with {@link #failNextSignal()}. */
    static final class InjectedFailure extends RuntimeException {
        InjectedFailure() {
            super("thrown by the test's Condition.signal(), to check that the lock is released when "
                    + "code inside the critical section throws");
        }
    }

    /** One timed wait: the thread, and the System.nanoTime() by which it asked to be woken. */
    record TimedWait(Thread thread, long deadlineNanos) {
    }

    private final List<SpyCondition> conditions = new CopyOnWriteArrayList<>();
    private final List<TimedWait> timedWaits = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNextSignal = new AtomicBoolean();

    private volatile Thread trapExempt;
    private final AtomicBoolean trapArmed = new AtomicBoolean();
    private volatile Thread paused;
    private final java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);

    /**
     * Arms a trap: the next thread other than the caller that releases this lock completely is
     * paused right after the release, until {@link #resumePaused()}. The test can then run its own
     * operations in the gap between two critical sections of that thread.
     */
    void pauseNextReleaseByAnotherThread() {
        trapExempt = Thread.currentThread();
        trapArmed.set(true);
    }

    /** The thread the trap paused, or null. */
    Thread paused() {
        return paused;
    }

    /** Lets the paused thread go on (and disarms a trap that never fired). */
    void resumePaused() {
        trapArmed.set(false);
        resume.countDown();
    }

    @Override
    public void unlock() {
        super.unlock();
        if (getHoldCount() == 0 && Thread.currentThread() != trapExempt && trapArmed.compareAndSet(true, false)) {
            paused = Thread.currentThread();
            boolean interrupted = false;
            while (true) {
                try {
                    resume.await(course.grading.Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Condition newCondition() {
        SpyCondition c = new SpyCondition(super.newCondition());
        conditions.add(c);
        return c;
    }

    /** Whether the queue made any condition from this lock. */
    boolean hasConditions() {
        return !conditions.isEmpty();
    }

    /** Threads waiting in await() on any condition made from this lock. */
    List<Thread> waitingThreads() {
        lock();
        try {
            List<Thread> all = new ArrayList<>();
            for (SpyCondition c : conditions) {
                all.addAll(super.getWaitingThreads(c.inner));
            }
            return all;
        } finally {
            unlock();
        }
    }

    /** How many threads wait in await() on the conditions made from this lock. */
    int waiting() {
        return waitingThreads().size();
    }

    /** Wakes every thread waiting on any of the conditions, without changing anything. */
    void wakeEveryone() {
        lock();
        try {
            conditions.forEach(c -> c.inner.signalAll());
        } finally {
            unlock();
        }
    }

    /** The timed waits made so far by {@code thread}, oldest first. */
    List<TimedWait> timedWaitsOf(Thread thread) {
        return timedWaits.stream().filter(w -> w.thread() == thread).toList();
    }

    /** Makes the next signal() or signalAll() on any of the conditions throw {@link InjectedFailure}. */
    void failNextSignal() {
        failNextSignal.set(true);
    }

    /** Takes back an armed failure that no signal has used. */
    void disarm() {
        failNextSignal.set(false);
    }

    /** Whether an armed failure is still waiting for a signal. */
    boolean signalFailureArmed() {
        return failNextSignal.get();
    }

    private static Condition unwrap(Condition c) {
        return c instanceof SpyCondition spy ? spy.inner : c;
    }

    @Override
    public boolean hasWaiters(Condition condition) {
        return super.hasWaiters(unwrap(condition));
    }

    @Override
    public int getWaitQueueLength(Condition condition) {
        return super.getWaitQueueLength(unwrap(condition));
    }

    @Override
    protected Collection<Thread> getWaitingThreads(Condition condition) {
        return super.getWaitingThreads(unwrap(condition));
    }

    /** A condition of this lock that reports what happens on it. */
    private final class SpyCondition implements Condition {
        final Condition inner;

        SpyCondition(Condition inner) {
            this.inner = inner;
        }

        private void recordDeadline(long nanosFromNow) {
            timedWaits.add(new TimedWait(Thread.currentThread(), System.nanoTime() + nanosFromNow));
        }

        @Override
        public void await() throws InterruptedException {
            inner.await();
        }

        @Override
        public void awaitUninterruptibly() {
            inner.awaitUninterruptibly();
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            recordDeadline(nanosTimeout);
            return inner.awaitNanos(nanosTimeout);
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            recordDeadline(unit.toNanos(time));
            return inner.await(time, unit);
        }

        @Override
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            recordDeadline(TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis()));
            return inner.awaitUntil(deadline);
        }

        @Override
        public void signal() {
            if (failNextSignal.compareAndSet(true, false)) {
                throw new InjectedFailure();
            }
            inner.signal();
        }

        @Override
        public void signalAll() {
            if (failNextSignal.compareAndSet(true, false)) {
                throw new InjectedFailure();
            }
            inner.signalAll();
        }
    }
}
