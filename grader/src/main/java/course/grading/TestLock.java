package course.grading;

import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Test support: an instrumented {@link ReentrantLock} that a test passes to the code under test, so
 * that the TEST, not that code, controls the schedule and sees what happens under the lock.
 *
 * <ul>
 *   <li>Its holder is visible ({@link #owner()}, {@link #isIdle()}), and an action can run in every
 *       thread right after it acquires the lock ({@link #afterAcquire}).</li>
 *   <li>Its conditions count awaits and signals, know who waits in them ({@link #isAwaiting}), record
 *       every timed wait ({@link #timedWaits()}), and can be woken for no reason
 *       ({@link #wakeSpuriously()}), optionally with time passing during the wake-up.</li>
 *   <li>The next signal can throw ({@link #failNextSignal()}), to make guarded code fail; the next
 *       release by another thread can pause that thread ({@link #pauseNextReleaseByAnotherThread()}),
 *       so that the test can take an item away from a thread it has just woken (a stolen wake-up).</li>
 * </ul>
 * Nothing here breaks the {@code Lock} and {@code Condition} contracts: spurious wake-ups are allowed.
 */
public class TestLock extends ReentrantLock {
    /** A timed wait: who, when it began ({@code System.nanoTime()}) and when it would end at the latest. */
    public record TimedWait(Thread thread, long startNanos, long deadlineNanos) {
    }

    /** Thrown by a signal the test armed with {@link #failNextSignal()}. */
    public static final class InjectedFailure extends RuntimeException {
        InjectedFailure() {
            super("thrown by the test's Condition.signal(), to check that the lock is released when "
                    + "code inside the critical section throws");
        }
    }

    private final List<TestCondition> conditions = new CopyOnWriteArrayList<>();
    private final List<TimedWait> timedWaits = new CopyOnWriteArrayList<>();
    private final AtomicInteger awaits = new AtomicInteger();
    private final AtomicInteger signals = new AtomicInteger();
    private final AtomicBoolean failNextSignal = new AtomicBoolean();
    private final AtomicBoolean pauseArmed = new AtomicBoolean();
    private final CountDownLatch resume = new CountDownLatch(1);
    private volatile Runnable afterAcquire = () -> { };
    private volatile int spuriousGeneration;
    private volatile long spuriousPassesNanos;
    private volatile Thread pauseExempt;
    private volatile Thread paused;

    /** Runs {@code action} in the acquiring thread after every successful acquisition. */
    public void afterAcquire(Runnable action) {
        afterAcquire = action;
    }

    /** How many conditions were made from this lock. */
    public int conditionCount() {
        return conditions.size();
    }

    /** How many times any thread has started to await one of this lock's conditions. */
    public int awaitCount() {
        return awaits.get();
    }

    /** How many times signal() or signalAll() was called on one of this lock's conditions. */
    public int signalCount() {
        return signals.get();
    }

    /**
     * Whether {@code thread} is in the wait queue of one of this lock's conditions right now (a thread
     * that was signalled and is taking the lock back is not). False if the lock stays busy for the ceiling.
     */
    public boolean isAwaiting(Thread thread) {
        try {
            if (!super.tryLock(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return conditions.stream().anyMatch(c -> super.getWaitingThreads(c.inner).contains(thread));
        } finally {
            super.unlock();
        }
    }

    /** Every timed wait so far, in the order they began. */
    public List<TimedWait> timedWaits() {
        return List.copyOf(timedWaits);
    }

    /** The timed waits made so far by {@code thread}, oldest first. */
    public List<TimedWait> timedWaitsOf(Thread thread) {
        return timedWaits.stream().filter(w -> w.thread() == thread).toList();
    }

    /** Wakes every thread waiting on any condition of this lock, for no reason. */
    public void wakeSpuriously() {
        wakeSpuriously(Duration.ZERO);
    }

    /**
     * Wakes every waiting thread for no reason, and lets {@code passes} of real time go by in each
     * woken thread before its await returns: a timed await then reports {@code passes} less time left.
     */
    public void wakeSpuriously(Duration passes) {
        super.lock();
        try {
            spuriousPassesNanos = passes.toNanos();
            spuriousGeneration++;
            conditions.forEach(c -> c.inner.signalAll());
        } finally {
            super.unlock();
        }
    }

    /** Makes the next signal() or signalAll() on any condition throw {@link InjectedFailure}. */
    public void failNextSignal() {
        failNextSignal.set(true);
    }

    /** Takes back an armed failure that no signal has used; whether it was still armed. */
    public boolean disarm() {
        return failNextSignal.getAndSet(false);
    }

    /**
     * The next thread other than the caller that releases this lock completely is paused right after
     * the release, until {@link #resumePaused()}: the test can act between two of its critical sections.
     */
    public void pauseNextReleaseByAnotherThread() {
        pauseExempt = Thread.currentThread();
        pauseArmed.set(true);
    }

    /** The thread the pause caught, or null. */
    public Thread paused() {
        return paused;
    }

    /** Lets the paused thread go on (and disarms a pause that never caught anyone). */
    public void resumePaused() {
        pauseArmed.set(false);
        resume.countDown();
    }

    /** The thread that holds the lock, or {@code null} if it is free. */
    public Thread owner() {
        return getOwner();
    }

    /** Whether the lock is free and no thread is queued to take it. */
    public boolean isIdle() {
        return !isLocked() && !hasQueuedThreads();
    }

    @Override
    public void lock() {
        super.lock();
        afterAcquire.run();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        super.lockInterruptibly();
        afterAcquire.run();
    }

    @Override
    public boolean tryLock() {
        return super.tryLock() && acquired();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return super.tryLock(time, unit) && acquired();
    }

    private boolean acquired() {
        afterAcquire.run();
        return true;
    }

    @Override
    public void unlock() {
        super.unlock();
        if (getHoldCount() == 0 && Thread.currentThread() != pauseExempt && pauseArmed.compareAndSet(true, false)) {
            paused = Thread.currentThread();
            boolean interrupted = false;
            while (true) {
                try {
                    resume.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
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
        TestCondition condition = new TestCondition(super.newCondition());
        conditions.add(condition);
        return condition;
    }

    @Override
    public boolean hasWaiters(Condition condition) {
        return super.hasWaiters(inner(condition));
    }

    @Override
    public int getWaitQueueLength(Condition condition) {
        return super.getWaitQueueLength(inner(condition));
    }

    @Override
    protected Collection<Thread> getWaitingThreads(Condition condition) {
        return super.getWaitingThreads(inner(condition));
    }

    private static Condition inner(Condition c) {
        return c instanceof TestCondition t ? t.inner : c;
    }

    /** A condition that counts and records its waits and signals, and passes them on. */
    private final class TestCondition implements Condition {
        final Condition inner;

        TestCondition(Condition inner) {
            this.inner = inner;
        }

        private interface Wait {
            void run() throws InterruptedException;
        }

        /** Runs one wait; after a spurious wake-up, lets the time the test asked for go by. */
        private void await(Wait wait) throws InterruptedException {
            awaits.incrementAndGet();
            int generation = spuriousGeneration;
            try {
                wait.run();
            } finally {
                if (generation != spuriousGeneration) {
                    long until = System.nanoTime() + spuriousPassesNanos;
                    for (long left; (left = until - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(left);
                    }
                }
            }
        }

        @Override
        public void await() throws InterruptedException {
            await(inner::await);
        }

        @Override
        public void awaitUninterruptibly() {
            try {
                await(inner::awaitUninterruptibly);
            } catch (InterruptedException e) {
                throw new AssertionError(e);   // cannot happen
            }
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + nanosTimeout;
            timedWaits.add(new TimedWait(Thread.currentThread(), start, deadline));
            await(() -> inner.awaitNanos(nanosTimeout));
            return deadline - System.nanoTime();
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            return awaitNanos(unit.toNanos(time)) > 0;
        }

        @Override
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            return awaitNanos(TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis())) > 0;
        }

        @Override
        public void signal() {
            signalled();
            inner.signal();
        }

        @Override
        public void signalAll() {
            signalled();
            inner.signalAll();
        }

        private void signalled() {
            signals.incrementAndGet();
            if (failNextSignal.compareAndSet(true, false)) {
                throw new InjectedFailure();
            }
        }
    }
}
