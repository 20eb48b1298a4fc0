package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 3 · A bounded semaphore")
class BoundedSemaphoreTest {
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Points(3)
    @DisplayName("counts permits down and up, and refuses to release more than were acquired")
    void releasingTooOftenIsAnError() throws Exception {
        BoundedSemaphore semaphore = new BoundedSemaphore(2);
        assertThat(semaphore.availablePermits()).as("free permits of a new semaphore with 2").isEqualTo(2);

        semaphore.acquire();
        semaphore.acquire();
        assertThat(semaphore.availablePermits()).as("free permits after two acquire()").isZero();
        semaphore.release();
        semaphore.release();
        assertThat(semaphore.availablePermits()).as("free permits after two release()").isEqualTo(2);

        Throwable thrown = catchThrowable(semaphore::release);
        assertThat(thrown)
                .withFailMessage("release() with all 2 permits already free must throw IllegalStateException "
                        + "(that is what makes the semaphore bounded); it %s",
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(IllegalStateException.class);
        assertThat(semaphore.availablePermits())
                .withFailMessage("a refused release() must not add a permit: %d permits are free, the limit is 2",
                        semaphore.availablePermits())
                .isEqualTo(2);
    }

    @Test
    @Points(3)
    @DisplayName("acquire() parks while no permit is free and returns when another thread releases one")
    void acquireParksUntilRelease() throws Exception {
        BoundedSemaphore semaphore = new BoundedSemaphore(1);
        semaphore.acquire();

        Workers.Worker<Object> waiter = workers.start("waiter", () -> {
            semaphore.acquire();
            return null;
        });
        ThreadProbe.until(() -> waiter.isDone() || ThreadProbe.isParkedIn(waiter.thread(), BoundedSemaphore.class));
        if (waiter.isDone()) {
            waiter.result();
            fail("acquire() returned although the only permit was taken: it must wait while no permit is free");
        }
        if (!ThreadProbe.isParked(waiter.thread())) {
            fail("acquire() did not park while waiting for a permit: the thread is %s. Wait with "
                    + "condition.await() (or wait()) in a while loop; do not spin or sleep in a loop.",
                    ThreadProbe.whereIs(waiter.thread()));
        }

        semaphore.release();
        ThreadProbe.until(waiter::isDone);
        if (!waiter.isDone()) {
            fail("release() did not wake the thread waiting in acquire() (it is %s): signal the condition "
                    + "(or notify) after giving the permit back", ThreadProbe.whereIs(waiter.thread()));
        }
        waiter.result();
        assertThat(semaphore.availablePermits()).as("free permits while the waiter holds the only one").isZero();
    }
}
