package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Exercise 7 · A bounded buffer on a lock and conditions")
class BoundedBufferTest {
    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(1)
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
    @Points(2)
    @DisplayName("put() parks while full and take() parks while empty, each woken by the other side")
    void bothSidesParkAndWake() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1, lock);
        buffer.put("a");

        Background<Object> producer = workers.start("producer", () -> {
            buffer.put("b");
            return null;
        });
        expectParked(producer, "put() on a full buffer");
        expectOnGivenLock(lock, producer, "put() on a full buffer");
        assertThat(buffer.take()).as("take() from the full buffer").isEqualTo("a");
        expectWoken(producer, "put()", "take() made room", "signal the not-full condition after removing an item");
        assertThat(buffer.size()).as("size after the waiting put() went through").isEqualTo(1);
        assertThat(buffer.take()).as("take() of the item the waiting producer put").isEqualTo("b");

        Background<String> consumer = workers.start("consumer", buffer::take);
        expectParked(consumer, "take() on an empty buffer");
        buffer.put("c");
        expectWoken(consumer, "take()", "put() added an item", "signal the not-empty condition after adding an item");
        assertThat(consumer.result()).as("what the waiting take() returned").isEqualTo("c");
    }

    @Test
    @Points(2)
    @DisplayName("take() and put() keep waiting after a spurious wake-up, and take() after another thread took the item first")
    void spuriousAndStolenWakeUpsAreHarmless() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1, lock);

        Background<String> consumer = workers.start("consumer", buffer::take);
        expectParked(consumer, "take() on an empty buffer");
        expectStillWaitingAfterSpuriousWakeUp(lock, consumer, "take() on an empty buffer");
        buffer.put("x");
        assertThat(consumer.result()).as("take() after put(\"x\")").isEqualTo("x");

        buffer.put("y");
        Background<Object> producer = workers.start("producer", () -> {
            buffer.put("z");
            return null;
        });
        expectParked(producer, "put() on a full buffer");
        expectStillWaitingAfterSpuriousWakeUp(lock, producer, "put() on a full buffer");
        assertThat(buffer.take()).as("take() from the full buffer").isEqualTo("y");
        producer.result();
        assertThat(buffer.take()).as("take() of the item the waiting put() added").isEqualTo("z");
        assertThat(buffer.size()).as("size after taking everything").isZero();

        // A stolen wake-up: the put() that signals the waiting consumer is made, under the same lock
        // hold, by a thread that then takes the item itself. The woken consumer finds the buffer empty.
        Background<String> robbed = workers.start("consumer-2", buffer::take);
        expectParked(robbed, "take() on an empty buffer");
        int awaitsBefore = lock.awaitCount();
        Background<String> thief = workers.start("thief", () -> {
            lock.lock();
            try {
                buffer.put("w");
                return buffer.take();
            } finally {
                lock.unlock();
            }
        });
        assertThat(thief.result()).as("what the thief took").isEqualTo("w");
        Background.until(() -> robbed.isDone()
                || lock.awaitCount() > awaitsBefore && lock.isAwaiting(robbed.thread()) && Background.isWaiting(robbed.thread()));
        if (robbed.isDone()) {
            Throwable failure = robbed.failure();
            fail("take() was woken by a put(), but another thread took the item before it ran again; it then %s "
                    + "from the empty buffer. Being signalled proves nothing: re-check the condition in a while loop "
                    + "around await(), not an if.", failure == null ? "returned " + robbed.result() : "threw " + failure);
        }
        buffer.put("v");
        assertThat(robbed.result()).as("take() after the thief left and put(\"v\") came").isEqualTo("v");
    }

    @Test
    @Points(1)
    @DisplayName("two takes while two producers wait wake both, and two puts while two consumers wait wake both")
    void everyTakeAndPutWakesAWaiter() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2, lock);
        buffer.put("a");
        buffer.put("b");
        Background<Object> producer1 = workers.start("producer-1", () -> {
            buffer.put("c");
            return null;
        });
        expectParked(producer1, "put() on a full buffer");
        Background<Object> producer2 = workers.start("producer-2", () -> {
            buffer.put("d");
            return null;
        });
        expectParked(producer2, "put() on a full buffer");
        // Both items leave before either producer can run: the test holds the buffer's lock across
        // the two take() calls (a ReentrantLock lets take() take it again).
        lock.lock();
        try {
            buffer.take();
            buffer.take();
        } finally {
            lock.unlock();
        }
        expectBothWoken(producer1, producer2, "put()", "two take() calls made room for both",
                "every take() must signal the not-full condition, not only the one that finds the buffer full");
        buffer.take();
        buffer.take();

        Background<String> consumer1 = workers.start("consumer-1", buffer::take);
        expectParked(consumer1, "take() on an empty buffer");
        Background<String> consumer2 = workers.start("consumer-2", buffer::take);
        expectParked(consumer2, "take() on an empty buffer");
        lock.lock();
        try {
            buffer.put("e");
            buffer.put("f");
        } finally {
            lock.unlock();
        }
        expectBothWoken(consumer1, consumer2, "take()", "two put() calls added an item for each",
                "every put() must signal the not-empty condition, not only the one that finds the buffer empty");
        assertThat(List.of(consumer1.result(), consumer2.result())).as("what the two waiting take() calls returned")
                .containsExactlyInAnyOrder("e", "f");
    }

    private static void expectBothWoken(Background<?> one, Background<?> other, String call, String event, String hint)
            throws Exception {
        Background.until(() -> one.isDone() && other.isDone());
        List<String> stillWaiting = java.util.stream.Stream.of(one, other).filter(w -> !w.isDone())
                .map(w -> w.thread().getName()).toList();
        if (!stillWaiting.isEmpty()) {
            fail("%s while two threads waited in %s, but %s still waits (%s): %s (both can happen before the "
                    + "first woken thread runs)", event, call, stillWaiting, Background.where(
                            (one.isDone() ? other : one).thread()), hint);
        }
        one.result();
        other.result();
    }

    @Test
    @Points(1)
    @DisplayName("a take() wakes the waiting producer, not another consumer: no wake-up is lost (two conditions, or signalAll)")
    void noWakeUpIsLost() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1, lock);
        Background<String> consumer1 = workers.start("consumer-1", buffer::take);
        expectParked(consumer1, "take() on an empty buffer");
        expectOnGivenLock(lock, consumer1, "take() on an empty buffer");
        Background<String> consumer2 = workers.start("consumer-2", buffer::take);
        expectParked(consumer2, "take() on an empty buffer");

        // The producer puts "x" (that wakes consumer-1) and, still holding the lock, puts "y", which
        // must wait: the buffer is full. consumer-1 then takes "x" and must wake the producer.
        Background<Object> producer = workers.start("producer", () -> {
            lock.lock();
            try {
                buffer.put("x");
                buffer.put("y");
            } finally {
                lock.unlock();
            }
            return null;
        });
        List<Background<?>> all = List.of(consumer1, consumer2, producer);
        boolean[] stuck = {false};
        Background.until(() -> {
            if (all.stream().allMatch(Background::isDone)) {
                return true;
            }
            boolean now = consumer1.isDone() && lock.isIdle()
                    && lock.isAwaiting(producer.thread()) && lock.isAwaiting(consumer2.thread())
                    && Background.isWaiting(producer.thread()) && Background.isWaiting(consumer2.thread());
            boolean twice = now && stuck[0];
            stuck[0] = now;
            return twice;
        });
        if (stuck[0] && !producer.isDone()) {
            fail("lost wake-up: consumer-1 took \"x\" and signalled, but the one thread woken was consumer-2, which "
                    + "found the buffer empty and went back to waiting; the producer waiting in put(\"y\") was never "
                    + "told there is room, so producer and consumer-2 wait for ever. Producers and consumers share "
                    + "one condition and signal() wakes a single, possibly wrong, thread: use two conditions "
                    + "(notFull for put, notEmpty for take), or signalAll().");
        }
        for (Background<?> worker : all) {
            worker.result();
        }
        assertThat(List.of(consumer1.result(), consumer2.result())).as("what the two consumers took")
                .containsExactly("x", "y");
        assertThat(buffer.size()).as("size after both items were taken").isZero();
    }

    @Test
    @Points(1)
    @DisplayName("interrupting a waiting take() or put() throws InterruptedException, leaves the buffer unchanged and the lock free")
    void interruptedWaitsChangeNothing() throws Exception {
        TestLock lock = new TestLock();
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1, lock);

        Background<String> consumer = workers.start("consumer", buffer::take);
        expectParked(consumer, "take() on an empty buffer");
        expectInterruptedCleanly(lock, consumer, "take() on an empty buffer");
        assertThat(buffer.size()).as("size after the interrupted take()").isZero();

        buffer.put("a");
        Background<Object> producer = workers.start("producer", () -> {
            buffer.put("b");
            return null;
        });
        expectParked(producer, "put() on a full buffer");
        expectInterruptedCleanly(lock, producer, "put() on a full buffer");
        assertThat(buffer.size()).as("size after the interrupted put(\"b\"): the item must not be added").isEqualTo(1);
        assertThat(buffer.take()).as("take() after the interrupted put()").isEqualTo("a");
        assertThat(buffer.size()).as("size after taking everything").isZero();
    }

    private static void expectInterruptedCleanly(TestLock lock, Background<?> worker, String call) throws Exception {
        worker.thread().interrupt();
        Background.until(worker::isDone);
        if (!worker.isDone()) {
            fail("%s was interrupted but keeps waiting (%s): let await() throw InterruptedException out of the "
                    + "method", call, Background.where(worker.thread()));
        }
        Throwable thrown = worker.failure();
        assertThat(thrown)
                .withFailMessage("an interrupted %s must throw InterruptedException; it %s", call,
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(InterruptedException.class);
        if (lock.isLocked()) {
            fail("after the interrupted %s threw, the buffer's lock is still held by '%s': call unlock() in a "
                    + "finally block", call, lock.owner() == null ? "?" : lock.owner().getName());
        }
    }

    private static void expectOnGivenLock(TestLock lock, Background<?> worker, String call) {
        if (!lock.isAwaiting(worker.thread())) {
            fail("%s waits, but not on a condition of the lock given to BoundedBuffer(capacity, lock) (it is %s): "
                    + "make the conditions with lock.newCondition() on that lock", call, Background.where(worker.thread()));
        }
    }

    private static void expectParked(Background<?> worker, String call) throws Exception {
        Background.until(() -> worker.isDone() || (Background.isWaiting(worker.thread()) && Background.isIn(worker.thread(), BoundedBuffer.class)));
        if (worker.isDone()) {
            Object returned = worker.result();
            fail("%s returned %s instead of waiting", call, returned);
        }
        if (!Background.isWaiting(worker.thread())) {
            fail("%s does not park while it waits: '%s' is %s. Wait with condition.await() in a while loop; "
                    + "do not spin or sleep.", call, worker.thread().getName(), Background.where(worker.thread()));
        }
    }

    private static void expectWoken(Background<?> worker, String call, String event, String hint) {
        Background.until(worker::isDone);
        if (!worker.isDone()) {
            fail("%s is still waiting after %s (it is %s): %s", call, event, Background.where(worker.thread()), hint);
        }
    }

    private static void expectStillWaitingAfterSpuriousWakeUp(TestLock lock, Background<?> worker, String call)
            throws Exception {
        expectOnGivenLock(lock, worker, call);
        int before = lock.awaitCount();
        lock.wakeSpuriously();
        Background.until(() -> worker.isDone() || lock.awaitCount() > before && Background.isWaiting(worker.thread()));
        if (worker.isDone()) {
            Throwable failure = worker.failure();
            fail("after a spurious wake-up, %s %s although nothing changed: a wake-up alone proves nothing. "
                    + "Re-check the condition in a while loop around await(), not an if.", call,
                    failure == null ? "returned " + worker.result() : "threw " + failure);
        }
    }
}
