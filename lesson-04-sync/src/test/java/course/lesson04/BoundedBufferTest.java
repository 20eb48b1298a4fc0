package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 7 · A bounded buffer on a lock and two conditions")
class BoundedBufferTest {
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Points(2)
    @DisplayName("keeps items first-in-first-out and counts them")
    void fifo() throws Exception {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
        buffer.put("a");
        buffer.put("b");
        buffer.put("c");
        assertThat(buffer.size()).as("size after 3 puts").isEqualTo(3);
        assertThat(buffer.take()).as("first take").isEqualTo("a");
        assertThat(buffer.take()).as("second take").isEqualTo("b");
        buffer.put("d");
        assertThat(buffer.take()).as("third take").isEqualTo("c");
        assertThat(buffer.take()).as("fourth take").isEqualTo("d");
        assertThat(buffer.size()).as("size after taking everything").isZero();
    }

    @Test
    @Points(3)
    @DisplayName("put() parks while full and take() parks while empty, each woken by the other side")
    void bothSidesParkAndWake() throws Exception {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("a");

        Workers.Worker<Object> producer = workers.start("producer", () -> {
            buffer.put("b");
            return null;
        });
        expectParked(producer, "put() on a full buffer");
        assertThat(buffer.take()).as("take() from the full buffer").isEqualTo("a");
        expectWoken(producer, "put()", "take() made room", "signal the not-full condition after removing an item");
        assertThat(buffer.size()).as("size after the waiting put() went through").isEqualTo(1);
        assertThat(buffer.take()).as("take() of the item the waiting producer put").isEqualTo("b");

        Workers.Worker<String> consumer = workers.start("consumer", buffer::take);
        expectParked(consumer, "take() on an empty buffer");
        buffer.put("c");
        expectWoken(consumer, "take()", "put() added an item", "signal the not-empty condition after adding an item");
        assertThat(consumer.result()).as("what the waiting take() returned").isEqualTo("c");
    }

    @Test
    @Points(3)
    @DisplayName("take() and put() keep waiting after a spurious wake-up (while, not if, around await)")
    void spuriousWakeUpsAreHarmless() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1, lock);

        Workers.Worker<String> consumer = workers.start("consumer", buffer::take);
        expectParked(consumer, "take() on an empty buffer");
        expectStillWaitingAfterSpuriousWakeUp(lock, consumer, "take() on an empty buffer");
        buffer.put("x");
        assertThat(consumer.result()).as("take() after put(\"x\")").isEqualTo("x");

        buffer.put("y");
        Workers.Worker<Object> producer = workers.start("producer", () -> {
            buffer.put("z");
            return null;
        });
        expectParked(producer, "put() on a full buffer");
        expectStillWaitingAfterSpuriousWakeUp(lock, producer, "put() on a full buffer");
        assertThat(buffer.take()).as("take() from the full buffer").isEqualTo("y");
        producer.result();
        assertThat(buffer.take()).as("take() of the item the waiting put() added").isEqualTo("z");
        assertThat(buffer.size()).as("size after taking everything").isZero();
    }

    private static void expectParked(Workers.Worker<?> worker, String call) throws Exception {
        ThreadProbe.until(() -> worker.isDone() || ThreadProbe.isParkedIn(worker.thread(), BoundedBuffer.class));
        if (worker.isDone()) {
            Object returned = worker.result();
            fail("%s returned %s instead of waiting", call, returned);
        }
        if (!ThreadProbe.isParked(worker.thread())) {
            fail("%s does not park while it waits: '%s' is %s. Wait with condition.await() in a while loop; "
                    + "do not spin or sleep.", call, worker.thread().getName(), ThreadProbe.whereIs(worker.thread()));
        }
    }

    private static void expectWoken(Workers.Worker<?> worker, String call, String event, String hint) {
        ThreadProbe.until(worker::isDone);
        if (!worker.isDone()) {
            fail("%s is still waiting after %s (it is %s): %s", call, event, ThreadProbe.whereIs(worker.thread()), hint);
        }
    }

    private static void expectStillWaitingAfterSpuriousWakeUp(TestLock lock, Workers.Worker<?> worker, String call)
            throws Exception {
        if (lock.awaitCount() == 0 || lock.conditionCount() == 0) {
            fail("%s waits, but not on a condition of the lock given to BoundedBuffer(capacity, lock) (it is %s): "
                    + "make the conditions with lock.newCondition() on that lock", call, ThreadProbe.whereIs(worker.thread()));
        }
        int before = lock.awaitCount();
        lock.wakeSpuriously();
        ThreadProbe.until(() -> worker.isDone() || lock.awaitCount() > before && ThreadProbe.isParked(worker.thread()));
        if (worker.isDone()) {
            Throwable failure = worker.failure();
            fail("after a spurious wake-up, %s %s although nothing changed: a wake-up alone proves nothing. "
                    + "Re-check the condition in a while loop around await(), not an if.", call,
                    failure == null ? "returned " + worker.result() : "threw " + failure);
        }
    }
}
