package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Exercise 6 · An event: set, clear, wait with a timeout")
class EventTest {
    /** Long enough never to run out in a passing test; the waiters are interrupted after each test. */
    private static final long PATIENT_MINUTES = 1;

    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(1)
    @DisplayName("starts clear; set() and clear() flip it; await() returns true when set and false when the time runs out")
    void setClearAndTimeout() throws Exception {
        Event event = new Event();
        assertThat(event.isSet()).as("a new event is clear").isFalse();
        assertThat(workers.start("waiter-1", () -> event.await(10, TimeUnit.MILLISECONDS)).result())
                .as("await(10 ms) on an event nobody sets").isFalse();

        event.set();
        assertThat(event.isSet()).as("isSet() after set()").isTrue();
        assertThat(event.await(0, TimeUnit.MILLISECONDS)).as("await(0) on a set event returns at once with").isTrue();
        Background<Boolean> onSet = workers.start("waiter-on-set", () -> event.await(1, TimeUnit.HOURS));
        Background.until(() -> onSet.isDone() || Background.isWaiting(onSet.thread()));
        if (!onSet.isDone()) {
            fail("await(1 hour) on an event that is already set did not return at once (it is %s): look at the flag "
                    + "before waiting, in the condition of the while loop, and return true without waiting",
                    Background.where(onSet.thread()));
        }
        assertThat(onSet.result()).as("await(1 hour) on a set event").isTrue();

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
        List<Background<Boolean>> waiters = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiters.add(workers.start("waiter-" + i, () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES)));
        }
        Background.until(() -> waiters.stream().allMatch(w -> w.isDone() || (Background.isWaiting(w.thread()) && Background.isIn(w.thread(), Event.class))));
        for (Background<Boolean> waiter : waiters) {
            if (waiter.isDone()) {
                Boolean early = waiter.result();
                fail("await() returned %s before anybody called set(): it must wait while the event is clear", early);
            }
            if (!Background.isWaiting(waiter.thread())) {
                fail("'%s' does not park while it waits: it is %s. Wait with condition.awaitNanos(), do not spin "
                        + "or sleep in a loop.", waiter.thread().getName(), Background.where(waiter.thread()));
            }
        }

        event.set();
        Background.until(() -> waiters.stream().allMatch(Background::isDone));
        long woken = waiters.stream().filter(Background::isDone).count();
        assertThat(woken)
                .withFailMessage("set() woke only %d of 3 waiting threads: use signalAll(), not signal(), so every "
                        + "waiter sees the event", woken)
                .isEqualTo(3);
        for (Background<Boolean> waiter : waiters) {
            assertThat(waiter.result()).as("await() of a waiter woken by set()").isTrue();
        }
    }

    @Test
    @Points(1)
    @DisplayName("a spurious wake-up does not end the wait: the waiter checks the flag again and waits on")
    void spuriousWakeUpDoesNotEndTheWait() throws Exception {
        TestLock lock = new TestLock();
        Event event = new Event(lock);
        Background<Boolean> waiter = workers.start("waiter", () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES));

        expectWaiting(lock, waiter);

        lock.wakeSpuriously();
        Background.until(() -> waiter.isDone() || lock.awaitCount() >= 2 && Background.isWaiting(waiter.thread()));
        if (waiter.isDone()) {
            fail("after a spurious wake-up, await() returned %s although set() was never called: "
                    + "wake-up alone proves nothing. Re-check the flag in a while loop around awaitNanos(), "
                    + "not an if.", waiter.result());
        }

        event.set();
        assertThat(waiter.result()).as("await() once set() has been called").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("a timed wait keeps its deadline across wake-ups: after a spurious wake-up it waits only for the time left")
    void deadlineHoldsAcrossWakeUps() throws Exception {
        TestLock lock = new TestLock();
        Event event = new Event(lock);
        Background<Boolean> waiter = workers.start("waiter", () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES));
        expectWaiting(lock, waiter);
        if (lock.timedWaits().isEmpty()) {
            fail("await(%d min) waits without a time limit (it is %s): wait with condition.awaitNanos(nanos), "
                    + "so the wait ends when the time is up", PATIENT_MINUTES, Background.where(waiter.thread()));
        }

        // The waiter is woken for no reason, and the wake-up takes a while (400 ms of real time pass
        // before its await returns): its next wait must end at the same deadline as the first.
        Duration passes = Duration.ofMillis(400);
        int before = lock.timedWaits().size();
        lock.wakeSpuriously(passes);
        Background.until(() -> waiter.isDone() || lock.timedWaits().size() > before && Background.isWaiting(waiter.thread()));
        if (waiter.isDone()) {
            fail("after a spurious wake-up, await() returned %s although set() was never called and time was "
                    + "left: re-check the flag in a while loop", waiter.result());
        }
        TestLock.TimedWait first = lock.timedWaits().get(before - 1);
        TestLock.TimedWait again = lock.timedWaits().get(before);
        long laterMillis = TimeUnit.NANOSECONDS.toMillis(again.deadlineNanos() - first.deadlineNanos());
        if (laterMillis > passes.toMillis() / 2) {
            fail("after a spurious wake-up that took %d ms, await(%d min) waited again until %d ms past its "
                    + "deadline: the timeout restarted after the wake-up, so a waiter woken now and then never "
                    + "times out. Keep one deadline: nanos = condition.awaitNanos(nanos) in the loop (it returns the "
                    + "time left), or compute the time left from a deadline fixed before the loop.",
                    passes.toMillis(), PATIENT_MINUTES, laterMillis);
        }
        event.set();
        assertThat(waiter.result()).as("await() once set() has been called").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("interrupting a waiter ends its wait with InterruptedException, leaves the lock free and the event clear")
    void interruptedWaiterThrows() throws Exception {
        TestLock lock = new TestLock();
        Event event = new Event(lock);
        Background<Boolean> waiter = workers.start("waiter", () -> event.await(PATIENT_MINUTES, TimeUnit.MINUTES));
        expectWaiting(lock, waiter);

        waiter.thread().interrupt();
        Background.until(waiter::isDone);
        if (!waiter.isDone()) {
            fail("the waiter was interrupted but is still in await() (%s): let awaitNanos() throw "
                    + "InterruptedException out of await()", Background.where(waiter.thread()));
        }
        Throwable thrown = waiter.failure();
        assertThat(thrown)
                .withFailMessage("an interrupted await() must throw InterruptedException; it %s",
                        thrown == null ? "returned " + waiter.result() : "threw " + thrown)
                .isInstanceOf(InterruptedException.class);
        if (lock.isLocked()) {
            fail("after the interrupted await() threw, the event's lock is still held by '%s': call unlock() in a "
                    + "finally block", lock.owner() == null ? "?" : lock.owner().getName());
        }
        assertThat(event.isSet()).as("isSet() after an interrupted wait").isFalse();
    }

    /** Waits until {@code waiter} is parked on a condition of {@code lock}; fails if it returned or waits elsewhere. */
    private static void expectWaiting(TestLock lock, Background<Boolean> waiter) throws Exception {
        Background.until(() -> waiter.isDone() || lock.isAwaiting(waiter.thread()) && Background.isWaiting(waiter.thread()));
        if (waiter.isDone()) {
            fail("await() returned %s before anybody called set(): it must wait while the event is clear",
                    waiter.result());
        }
        if (!lock.isAwaiting(waiter.thread())) {
            fail("the waiter never awaited a condition of the lock given to Event(lock) (it is %s): build the "
                    + "condition with lock.newCondition() on that lock, and wait on it", Background.where(waiter.thread()));
        }
    }
}
