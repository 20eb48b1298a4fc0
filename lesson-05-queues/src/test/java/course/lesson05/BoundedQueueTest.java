package course.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 3 · A bounded queue with back-pressure")
class BoundedQueueTest {

    /**
     * The lock the queue is built on, with two extra powers for the test: it counts the threads
     * waiting on any of the queue's conditions, and it can wake them all up as a spurious
     * wake-up would (Condition.await() is allowed to return without a signal).
     */
    private static final class SpyLock extends ReentrantLock {
        private final List<Condition> conditions = new CopyOnWriteArrayList<>();

        @Override
        public Condition newCondition() {
            Condition c = super.newCondition();
            conditions.add(c);
            return c;
        }

        int waiting() {
            lock();
            try {
                return conditions.stream().mapToInt(this::getWaitQueueLength).sum();
            } finally {
                unlock();
            }
        }

        void wakeEveryone() {
            lock();
            try {
                conditions.forEach(Condition::signalAll);
            } finally {
                unlock();
            }
        }
    }

    private final SpyLock lock = new SpyLock();
    private final List<Background<?>> started = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        started.forEach(Background::stop);
    }

    private <T> Background<T> call(String name, java.util.concurrent.Callable<T> body) {
        Background<T> b = Background.call(name, body);
        started.add(b);
        return b;
    }

    private Background<Void> producer(BoundedQueue<String> queue, String item) {
        Background<Void> b = Background.run("producer-" + item, () -> queue.put(item));
        started.add(b);
        return b;
    }

    private String takeNow(BoundedQueue<String> queue) {
        return call("consumer", queue::take)
                .get("take() blocked although the queue held items: wait only while the queue is empty");
    }

    private void putNow(BoundedQueue<String> queue, String item) {
        producer(queue, item).get("put(\"" + item + "\") blocked although the queue had room (size "
                + queue.size() + ", capacity " + queue.capacity() + "): wait only while size == capacity");
    }

    /** Waits until exactly {@code n} threads wait on the queue's conditions, or {@code thread} ends. */
    private void awaitWaitingOrDone(int n, Background<?> thread) {
        try {
            await().atMost(Delays.CEILING).pollInterval(Duration.ofMillis(5))
                    .until(() -> lock.waiting() == n || thread.isDone());
        } catch (ConditionTimeoutException e) {
            fail("thread '" + thread.thread().getName() + "' is blocked, but not in await() on a Condition of the "
                    + "queue's lock (state " + thread.thread().getState() + "): wait with notFull.await()/notEmpty.await()");
        }
    }

    private void requireConditions() {
        assertThat(lock.conditions)
                .withFailMessage("BoundedQueue never called newCondition() on the ReentrantLock its constructor received: "
                        + "build it on that lock, with a 'not full' and a 'not empty' Condition")
                .isNotEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("holds up to capacity items without blocking and hands them out in FIFO order")
    void holdsUpToCapacityInFifoOrder() {
        BoundedQueue<String> queue = new BoundedQueue<>(3, lock);
        putNow(queue, "a");
        putNow(queue, "b");
        putNow(queue, "c");
        assertThat(queue.size()).as("size() after 3 puts into a queue of capacity 3").isEqualTo(3);
        assertThat(List.of(takeNow(queue), takeNow(queue), takeNow(queue)))
                .as("items taken, in order").containsExactly("a", "b", "c");
        assertThat(queue.size()).as("size() after taking everything").isZero();
    }

    @Test
    @Points(3)
    @DisplayName("a producer waits in put() while the queue is full, and continues as soon as a consumer takes")
    void producerWaitsWhileFull() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        putNow(queue, "a");
        putNow(queue, "b");

        Background<Void> producer = producer(queue, "c");
        switch (producer.awaitParkedOrDone()) {
            case PARKED -> { }
            case FINISHED -> {
                producer.rethrowFailure();
                fail("put() returned although the queue was full (size now " + queue.size() + ", capacity 2): "
                        + "a producer must wait while size == capacity — that waiting is the back-pressure");
            }
            case SPINNING -> fail("put() on a full queue is busy-waiting (the thread stayed RUNNABLE): "
                    + "wait on a 'not full' Condition instead of looping");
        }
        assertThat(queue.size()).as("size() while a producer waits for room").isEqualTo(2);

        assertThat(takeNow(queue)).isEqualTo("a");
        producer.get("the producer waiting in put() was not woken after take() made room: "
                + "signal the 'not full' Condition in take()");
        assertThat(List.of(takeNow(queue), takeNow(queue))).containsExactly("b", "c");
    }

    @Test
    @Points(2)
    @DisplayName("a consumer waits in take() while the queue is empty, and gets the next item put")
    void consumerWaitsWhileEmpty() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        Background<String> consumer = call("consumer", queue::take);
        switch (consumer.awaitParkedOrDone()) {
            case PARKED -> { }
            case FINISHED -> {
                consumer.rethrowFailure();
                fail("take() on an empty queue returned " + consumer.get("") + " instead of waiting for an item");
            }
            case SPINNING -> fail("take() on an empty queue is busy-waiting (the thread stayed RUNNABLE): "
                    + "wait on a 'not empty' Condition instead of looping");
        }
        putNow(queue, "x");
        assertThat(consumer.get("the consumer waiting in take() was not woken by put(): signal the 'not empty' Condition in put()"))
                .isEqualTo("x");
        assertThat(queue.size()).as("size() after the waiting consumer took the item").isZero();
    }

    @Test
    @Points(2)
    @DisplayName("a consumer woken up while the queue is still empty goes back to waiting (while, not if, around await())")
    void consumerReWaitsAfterSpuriousWakeup() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        Background<String> consumer = call("consumer", queue::take);
        awaitWaitingOrDone(1, consumer);
        consumer.rethrowFailure();
        requireConditions();
        assertThat(consumer.isDone()).as("take() returned from an empty queue").isFalse();

        lock.wakeEveryone();
        awaitWaitingOrDone(1, consumer);
        if (consumer.isDone()) {
            Throwable t = consumer.failure();
            fail("after a wake-up with the queue still empty, take() "
                    + (t == null ? "returned " + consumer.get("") : "threw " + t)
                    + ": an 'if' checks the state only once. Write while (queue is empty) notEmpty.await(); "
                    + "a woken thread must re-check, because another consumer may have been first or the wake-up was spurious");
        }

        putNow(queue, "x");
        assertThat(consumer.get("the consumer was not woken by put() after it went back to waiting")).isEqualTo("x");
    }

    @Test
    @Points(2)
    @DisplayName("a producer woken up while the queue is still full goes back to waiting, so the capacity is never exceeded")
    void producerReWaitsAfterSpuriousWakeup() {
        BoundedQueue<String> queue = new BoundedQueue<>(1, lock);
        putNow(queue, "a");
        Background<Void> producer = producer(queue, "b");
        awaitWaitingOrDone(1, producer);
        producer.rethrowFailure();
        requireConditions();
        assertThat(producer.isDone())
                .withFailMessage("put() returned although the queue was full (size %d, capacity 1): a producer must wait while size == capacity", queue.size())
                .isFalse();

        lock.wakeEveryone();
        awaitWaitingOrDone(1, producer);
        if (producer.isDone()) {
            producer.rethrowFailure();
            fail("after a wake-up with the queue still full, put() added its item anyway (size " + queue.size()
                    + ", capacity 1): an 'if' checks the state only once. Write while (size == capacity) notFull.await();");
        }

        assertThat(takeNow(queue)).isEqualTo("a");
        producer.get("the producer was not woken by take() after it went back to waiting");
        assertThat(takeNow(queue)).isEqualTo("b");
    }

    @Test
    @Points(2)
    @DisplayName("an interrupted take() throws InterruptedException and leaves the lock free for everyone else")
    void interruptedTakeThrowsAndReleasesTheLock() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        Background<String> consumer = call("consumer", queue::take);
        Background.Seen seen = consumer.awaitParkedOrDone();
        consumer.rethrowFailure();
        assertThat(seen).as("state of a consumer calling take() on an empty queue").isEqualTo(Background.Seen.PARKED);

        consumer.thread().interrupt();
        try {
            consumer.thread().join(Delays.THREAD_EXIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(consumer.isDone())
                .withFailMessage("take() kept waiting after its thread was interrupted: do not catch and ignore "
                        + "InterruptedException, let it propagate (take() declares it)")
                .isTrue();
        assertThat(consumer.failure())
                .withFailMessage("an interrupted take() ended with %s, expected InterruptedException", consumer.failure())
                .isInstanceOf(InterruptedException.class);
        assertThat(lock.isLocked())
                .withFailMessage("the queue's lock is still held after take() was interrupted: when await() throws, "
                        + "code after it is skipped — put unlock() in a finally block")
                .isFalse();
        putNow(queue, "x");
        assertThat(takeNow(queue)).isEqualTo("x");
    }

    @Test
    @Points(2)
    @DisplayName("three producers and three consumers through a queue of capacity 2: every item arrives exactly once")
    void manyProducersAndConsumers() {
        BoundedQueue<Integer> queue = new BoundedQueue<>(2, lock);
        int perProducer = 300;
        List<Background<Void>> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int base = p * perProducer;
            Background<Void> b = Background.run("producer-" + p, () -> {
                for (int i = 0; i < perProducer; i++) {
                    queue.put(base + i);
                }
            });
            producers.add(b);
            started.add(b);
        }
        List<Background<List<Integer>>> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Background<List<Integer>> b = call("consumer-" + c, () -> {
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < perProducer; i++) {
                    got.add(queue.take());
                    if (queue.size() > queue.capacity()) {
                        throw new AssertionError("size() was " + queue.size() + " > capacity 2");
                    }
                }
                return got;
            });
            consumers.add(b);
        }
        List<Integer> all = new ArrayList<>();
        for (Background<List<Integer>> c : consumers) {
            all.addAll(c.get("a consumer is stuck in take() although producers put exactly enough items: "
                    + "is a signal lost (signal the right Condition after every change, under the lock)?"));
        }
        producers.forEach(p -> p.get("a producer is stuck in put() although consumers took every item"));
        assertThat(all).as("every item put, taken exactly once")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 3 * perProducer).boxed().toList());
    }
}
