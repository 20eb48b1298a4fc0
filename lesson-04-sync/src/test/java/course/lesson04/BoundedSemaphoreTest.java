package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Exercise 3 · A bounded semaphore")
class BoundedSemaphoreTest {
    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(2)
    @DisplayName("counts permits down and up, and refuses to release more than were acquired, leaving the lock free")
    void releasingTooOftenIsAnError() throws Exception {
        TestLock lock = new TestLock();
        BoundedSemaphore semaphore = new BoundedSemaphore(2, lock);
        assertThat(semaphore.availablePermits()).as("free permits of a new semaphore with 2").isEqualTo(2);

        semaphore.acquire();
        semaphore.acquire();
        assertThat(semaphore.availablePermits()).as("free permits after two acquire()").isZero();
        semaphore.release();
        semaphore.release();
        assertThat(semaphore.availablePermits()).as("free permits after two release()").isEqualTo(2);
        expectLockFree(lock, "after acquire() and release() returned");

        Throwable thrown = catchThrowable(semaphore::release);
        assertThat(thrown)
                .withFailMessage("release() with all 2 permits already free must throw IllegalStateException "
                        + "(that is what makes the semaphore bounded); it %s",
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(IllegalStateException.class);
        expectLockFree(lock, "after release() threw IllegalStateException");
        assertThat(semaphore.availablePermits())
                .withFailMessage("a refused release() must not add a permit: %d permits are free, the limit is 2",
                        semaphore.availablePermits())
                .isEqualTo(2);
    }

    @Test
    @Points(2)
    @DisplayName("acquire() parks while no permit is free, keeps waiting after a spurious wake-up, and returns when a permit is released")
    void acquireParksUntilRelease() throws Exception {
        TestLock lock = new TestLock();
        BoundedSemaphore semaphore = new BoundedSemaphore(1, lock);
        semaphore.acquire();

        Background<Object> waiter = workers.start("waiter", () -> {
            semaphore.acquire();
            return null;
        });
        expectParked(lock, waiter);

        int before = lock.awaitCount();
        lock.wakeSpuriously();
        Background.until(() -> waiter.isDone() || lock.awaitCount() > before && lock.isAwaiting(waiter.thread())
                && Background.isWaiting(waiter.thread()));
        if (waiter.isDone()) {
            Throwable failure = waiter.failure();
            fail("after a spurious wake-up, acquire() %s although no permit was free (%s permits free now): a "
                    + "wake-up alone proves nothing. Re-check the count in a while loop around await(), not an if.",
                    failure == null ? "returned" : "threw " + failure, semaphore.availablePermits());
        }

        semaphore.release();
        Background.until(waiter::isDone);
        if (!waiter.isDone()) {
            fail("release() did not wake the thread waiting in acquire() (it is %s): signal the condition after "
                    + "giving the permit back", Background.where(waiter.thread()));
        }
        waiter.result();
        assertThat(semaphore.availablePermits()).as("free permits while the waiter holds the only one").isZero();
        expectLockFree(lock, "after the waiter's acquire() returned");
    }

    @Test
    @Points(1)
    @DisplayName("two releases while two threads wait in acquire() wake both of them")
    void everyReleaseWakesAWaiter() throws Exception {
        TestLock lock = new TestLock();
        BoundedSemaphore semaphore = new BoundedSemaphore(2, lock);
        semaphore.acquire();
        semaphore.acquire();
        Background<Object> first = workers.start("waiter-1", () -> {
            semaphore.acquire();
            return null;
        });
        expectParked(lock, first);
        Background<Object> second = workers.start("waiter-2", () -> {
            semaphore.acquire();
            return null;
        });
        expectParked(lock, second);

        // Both permits come back before either waiter can run: the test holds the semaphore's lock
        // across the two release() calls (a ReentrantLock lets release() take it again).
        lock.lock();
        try {
            semaphore.release();
            semaphore.release();
        } finally {
            lock.unlock();
        }
        Background.until(() -> first.isDone() && second.isDone());
        List<String> stillWaiting = java.util.stream.Stream.of(first, second).filter(w -> !w.isDone())
                .map(w -> w.thread().getName()).toList();
        if (!stillWaiting.isEmpty()) {
            fail("two permits were released while two threads waited in acquire(), but %s still waits with a permit "
                    + "free (%d free now): every release() must signal a waiter, not only the one that finds the "
                    + "count at 0 (both releases can happen before the first woken waiter takes its permit)",
                    stillWaiting, semaphore.availablePermits());
        }
        first.result();
        second.result();
        assertThat(semaphore.availablePermits()).as("free permits while both waiters hold one").isZero();
        expectLockFree(lock, "after both waiters' acquire() returned");
    }

    @Test
    @Points(1)
    @DisplayName("interrupting a thread that waits in acquire() ends the wait with InterruptedException and takes no permit")
    void interruptedAcquireTakesNothing() throws Exception {
        TestLock lock = new TestLock();
        BoundedSemaphore semaphore = new BoundedSemaphore(1, lock);
        semaphore.acquire();

        Background<Object> waiter = workers.start("waiter", () -> {
            semaphore.acquire();
            return null;
        });
        expectParked(lock, waiter);
        waiter.thread().interrupt();
        Background.until(waiter::isDone);
        if (!waiter.isDone()) {
            fail("the waiting thread was interrupted but is still in acquire() (%s): wait with await(), which "
                    + "throws InterruptedException, and let it propagate (no awaitUninterruptibly, no catch-and-retry)",
                    Background.where(waiter.thread()));
        }
        Throwable thrown = waiter.failure();
        assertThat(thrown)
                .withFailMessage("an interrupted acquire() must throw InterruptedException; it %s",
                        thrown == null ? "returned normally (and took a permit that was not free?)" : "threw " + thrown)
                .isInstanceOf(InterruptedException.class);
        expectLockFree(lock, "after the interrupted acquire() threw");
        assertThat(semaphore.availablePermits()).as("free permits: the interrupted acquire() took none").isZero();
        semaphore.release();
        assertThat(semaphore.availablePermits()).as("free permits after the only holder released").isEqualTo(1);
    }

    private static void expectParked(TestLock lock, Background<?> waiter) throws Exception {
        Background.until(() -> waiter.isDone() || (Background.isWaiting(waiter.thread()) && Background.isIn(waiter.thread(), BoundedSemaphore.class))
                && lock.isAwaiting(waiter.thread()));
        if (waiter.isDone()) {
            waiter.result();
            fail("acquire() returned although the only permit was taken: it must wait while no permit is free");
        }
        if (!Background.isWaiting(waiter.thread())) {
            fail("acquire() did not park while waiting for a permit: the thread is %s. Wait with "
                    + "condition.await() in a while loop; do not spin or sleep in a loop.",
                    Background.where(waiter.thread()));
        }
        if (!lock.isAwaiting(waiter.thread())) {
            fail("acquire() waits, but not on a condition of the lock given to BoundedSemaphore(permits, lock) "
                    + "(it is %s): make the condition with lock.newCondition() on that lock",
                    Background.where(waiter.thread()));
        }
    }

    private static void expectLockFree(TestLock lock, String when) {
        if (lock.isLocked()) {
            Thread owner = lock.owner();
            fail("%s, the semaphore's lock is still held by '%s': a method returned or threw without unlocking. "
                    + "Call unlock() in a finally block.", when, owner == null ? "?" : owner.getName());
        }
    }
}
