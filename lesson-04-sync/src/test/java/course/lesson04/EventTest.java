package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 6 · An event: set, clear, wait with a timeout")
class EventTest {
    /** Long enough never to run out in a passing test; the waiters are interrupted after each test. */
    private static final long PATIENT_MINUTES = 1;

    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Points(2)
    @DisplayName("starts clear; set() and clear() flip it; await() returns true when set and false when the time runs out")
    void setClearAndTimeout() throws Exception {
        Event event = new Event();
        assertThat(event.isSet()).as("a new event is clear").isFalse();
        assertThat(workers.start("waiter-1", () -> event.await(10, TimeUnit.MILLISECONDS)).result())
                .as("await(10 ms) on an event nobody sets").isFalse();

        event.set();
        assertThat(event.isSet()).as("isSet() after set()").isTrue();
        assertThat(event.await(0, TimeUnit.MILLISECONDS)).as("await(0) on a set event returns at once with").isTrue();

        event.clear();
        assertThat(event.isSet()).as("isSet() after clear()").isFalse();
        assertThat(workers.start("waiter-2", () -> event.await(10, TimeUnit.MILLISECONDS)).result())
                .as("await(10 ms) after clear()").isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("waiters park (no spinning) and set() wakes every one of them")
    void setWakesEveryParkedWaiter() throws Exception {
        Event event = new Event();
        List<Workers.Worker<Boolean>> waiters = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiters.add(workers.start("waiter-" + i, () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES)));
        }
        ThreadProbe.until(() -> waiters.stream().allMatch(w -> w.isDone() || ThreadProbe.isParkedIn(w.thread(), Event.class)));
        for (Workers.Worker<Boolean> waiter : waiters) {
            if (waiter.isDone()) {
                Boolean early = waiter.result();
                fail("await() returned %s before anybody called set(): it must wait while the event is clear", early);
            }
            if (!ThreadProbe.isParked(waiter.thread())) {
                fail("'%s' does not park while it waits: it is %s. Wait with condition.awaitNanos(), do not spin "
                        + "or sleep in a loop.", waiter.thread().getName(), ThreadProbe.whereIs(waiter.thread()));
            }
        }

        event.set();
        ThreadProbe.until(() -> waiters.stream().allMatch(Workers.Worker::isDone));
        long woken = waiters.stream().filter(Workers.Worker::isDone).count();
        assertThat(woken)
                .withFailMessage("set() woke only %d of 3 waiting threads: use signalAll(), not signal(), so every "
                        + "waiter sees the event", woken)
                .isEqualTo(3);
        for (Workers.Worker<Boolean> waiter : waiters) {
            assertThat(waiter.result()).as("await() of a waiter woken by set()").isTrue();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a spurious wake-up does not end the wait: the waiter checks the flag again and waits on")
    void spuriousWakeUpDoesNotEndTheWait() throws Exception {
        TestLock lock = new TestLock();
        Event event = new Event(lock);
        Workers.Worker<Boolean> waiter = workers.start("waiter", () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES));

        ThreadProbe.until(() -> waiter.isDone() || lock.awaitCount() >= 1 && ThreadProbe.isParked(waiter.thread()));
        if (waiter.isDone()) {
            fail("await() returned %s before anybody called set(): it must wait while the event is clear",
                    waiter.result());
        }
        if (lock.awaitCount() == 0) {
            fail("the waiter never awaited a condition of the lock given to Event(lock) (it is %s): build the "
                    + "condition with lock.newCondition() on that lock", ThreadProbe.whereIs(waiter.thread()));
        }

        lock.wakeSpuriously();
        ThreadProbe.until(() -> waiter.isDone() || lock.awaitCount() >= 2 && ThreadProbe.isParked(waiter.thread()));
        if (waiter.isDone()) {
            fail("after a spurious wake-up, await() returned %s although set() was never called: "
                    + "wake-up alone proves nothing. Re-check the flag in a while loop around awaitNanos(), "
                    + "not an if.", waiter.result());
        }

        event.set();
        assertThat(waiter.result()).as("await() once set() has been called").isTrue();
    }
}
