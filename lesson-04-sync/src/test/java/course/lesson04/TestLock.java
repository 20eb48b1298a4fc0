package course.lesson04;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one instrumented lock of this lesson's tests: a {@link ReentrantLock} the test passes in
 * (to an {@link Account}, an {@link Event}, a {@link BoundedBuffer}, a {@link BoundedSemaphore}) so
 * that the TEST, not the code under test, controls the schedule. Test support.
 *
 * <ul>
 *   <li>{@link #afterAcquire(Runnable)} runs an action in the acquiring thread right after every
 *       successful {@code lock}/{@code lockInterruptibly}/{@code tryLock}: the tests use it to hold a
 *       thread inside its first lock until a second thread has come into the same window.</li>
 *   <li>Its conditions count every wait, know which threads are waiting in them, record the time
 *       limit of every timed wait, and can be woken for no reason ({@link #wakeSpuriously()}),
 *       optionally reporting that time went by during the wake-up ({@link #wakeSpuriously(Duration)}).</li>
 * </ul>
 *
 * <p>Nothing here changes what a correct caller of {@link java.util.concurrent.locks.Lock} and
 * {@link Condition} may rely on: a spurious wake-up is allowed by {@code Condition}'s contract, and
 * so is a timed wait that returns an estimate of the time left.
 */
final class TestLock extends ReentrantLock {
    /** A timed wait: who, when it began ({@code System.nanoTime()}) and when it would end at the latest. */
    record TimedWait(Thread thread, long startNanos, long deadlineNanos) {
    }

    private final List<TestCondition> conditions = new CopyOnWriteArrayList<>();
    private final AtomicInteger awaits = new AtomicInteger();
    private final AtomicInteger signals = new AtomicInteger();
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
    private final List<TimedWait> timedWaits = new CopyOnWriteArrayList<>();
    private volatile Runnable afterAcquire = () -> { };
    private volatile int spuriousGeneration;
    private volatile long spuriousPassesNanos;

    /** Runs {@code action} in the acquiring thread after every successful acquisition. */
    void afterAcquire(Runnable action) {
        this.afterAcquire = action;
    }

    /** How many conditions the code under test made from this lock. */
    int conditionCount() {
        return conditions.size();
    }

    /** How many times any thread has started to await one of this lock's conditions. */
    int awaitCount() {
        return awaits.get();
    }

    /** How many times the code under test called signal() or signalAll() on one of this lock's conditions. */
    int signalCount() {
        return signals.get();
    }

    /** Whether {@code thread} is inside an await of one of this lock's conditions right now. */
    boolean isAwaiting(Thread thread) {
        return waiting.contains(thread);
    }

    /** Every timed wait so far, in the order they began. */
    List<TimedWait> timedWaits() {
        return List.copyOf(timedWaits);
    }

    /** Wakes every thread waiting on any condition of this lock, for no reason. */
    void wakeSpuriously() {
        wakeSpuriously(Duration.ZERO);
    }

    /**
     * Wakes every waiting thread for no reason, and lets {@code passes} of real time go by in each
     * woken thread before its await returns (as if the thread had been slow to get the lock back).
     * A timed await then reports the time left, {@code passes} less than before.
     */
    void wakeSpuriously(Duration passes) {
        super.lock();
        try {
            spuriousPassesNanos = passes.toNanos();
            spuriousGeneration++;
            for (TestCondition condition : conditions) {
                condition.delegate.signalAll();
            }
        } finally {
            super.unlock();
        }
    }

    /** The thread that holds the lock, or {@code null} if it is free. */
    Thread owner() {
        return getOwner();
    }

    /** Whether the lock is free and no thread is queued to take it: nobody is about to run under it. */
    boolean isIdle() {
        return !isLocked() && !hasQueuedThreads();
    }

    @Override
    public void lock() {
        super.lock();
        acquired();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        super.lockInterruptibly();
        acquired();
    }

    @Override
    public boolean tryLock() {
        boolean got = super.tryLock();
        if (got) {
            acquired();
        }
        return got;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        boolean got = super.tryLock(time, unit);
        if (got) {
            acquired();
        }
        return got;
    }

    private void acquired() {
        afterAcquire.run();
    }

    @Override
    public Condition newCondition() {
        TestCondition condition = new TestCondition(super.newCondition());
        conditions.add(condition);
        return condition;
    }

    /** A condition that counts and records its waits, and passes everything on. */
    private final class TestCondition implements Condition {
        private final Condition delegate;

        TestCondition(Condition delegate) {
            this.delegate = delegate;
        }

        private int enter() {
            awaits.incrementAndGet();
            waiting.add(Thread.currentThread());
            return spuriousGeneration;
        }

        /** After a wake-up: leaves the waiting set, and lets time pass if the test asked for it. */
        private void leave(int generation) {
            waiting.remove(Thread.currentThread());
            if (generation != spuriousGeneration) {
                long until = System.nanoTime() + spuriousPassesNanos;
                for (long left; (left = until - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);
                }
            }
        }

        @Override
        public void await() throws InterruptedException {
            int generation = enter();
            try {
                delegate.await();
            } finally {
                leave(generation);
            }
        }

        @Override
        public void awaitUninterruptibly() {
            int generation = enter();
            try {
                delegate.awaitUninterruptibly();
            } finally {
                leave(generation);
            }
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + nanosTimeout;
            timedWaits.add(new TimedWait(Thread.currentThread(), start, deadline));
            int generation = enter();
            try {
                delegate.awaitNanos(nanosTimeout);
            } finally {
                leave(generation);
            }
            return deadline - System.nanoTime();
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            return awaitNanos(unit.toNanos(time)) > 0;
        }

        @Override
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            long nanos = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis());
            return awaitNanos(nanos) > 0;
        }

        @Override
        public void signal() {
            signals.incrementAndGet();
            delegate.signal();
        }

        @Override
        public void signalAll() {
            signals.incrementAndGet();
            delegate.signalAll();
        }
    }
}
