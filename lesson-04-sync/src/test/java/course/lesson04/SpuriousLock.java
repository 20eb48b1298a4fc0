package course.lesson04;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ReentrantLock} whose conditions the test can watch and wake spuriously. Test support.
 *
 * <p>{@link #wakeSpuriously()} signals every condition made by this lock without changing anything
 * the waiters wait for: exactly what a spurious wake-up looks like from the waiting thread.
 */
final class SpuriousLock implements Lock {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Condition> conditions = new CopyOnWriteArrayList<>();
    private final AtomicInteger awaits = new AtomicInteger();

    /** How many conditions the code under test made from this lock. */
    int conditionCount() {
        return conditions.size();
    }

    /** How many times any thread has started to await one of this lock's conditions. */
    int awaitCount() {
        return awaits.get();
    }

    /** Wakes every thread waiting on any condition of this lock, for no reason. */
    void wakeSpuriously() {
        lock.lock();
        try {
            conditions.forEach(Condition::signalAll);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void lock() {
        lock.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
        return lock.tryLock();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(time, unit);
    }

    @Override
    public void unlock() {
        lock.unlock();
    }

    @Override
    public Condition newCondition() {
        Condition counted = new CountingCondition(lock.newCondition());
        conditions.add(counted);
        return counted;
    }

    /** A condition that counts its waits and passes everything on. */
    private final class CountingCondition implements Condition {
        private final Condition delegate;

        CountingCondition(Condition delegate) {
            this.delegate = delegate;
        }

        @Override
        public void await() throws InterruptedException {
            awaits.incrementAndGet();
            delegate.await();
        }

        @Override
        public void awaitUninterruptibly() {
            awaits.incrementAndGet();
            delegate.awaitUninterruptibly();
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            awaits.incrementAndGet();
            return delegate.awaitNanos(nanosTimeout);
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            awaits.incrementAndGet();
            return delegate.await(time, unit);
        }

        @Override
        public boolean awaitUntil(java.util.Date deadline) throws InterruptedException {
            awaits.incrementAndGet();
            return delegate.awaitUntil(deadline);
        }

        @Override
        public void signal() {
            delegate.signal();
        }

        @Override
        public void signalAll() {
            delegate.signalAll();
        }
    }
}
