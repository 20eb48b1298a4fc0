package course.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The queue is built on a {@link TestLock} the test owns: the test sees who waits in
 * {@code await()}, delivers spurious and stolen wake-ups, reads the deadline of every timed wait
 * (so a timeout restarted after a wake-up shows without measuring time), and makes a signal throw
 * inside a critical section.
 */
@DisplayName("Exercise 3 · A closable queue with a timed offer")
class BoundedQueueTest {

    /** Long enough never to run out in a test that ends the wait another way. */
    private static final Duration LONG = Duration.ofMinutes(10);

    private final TestLock lock = new TestLock();
    private final List<Background<?>> started = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        started.forEach(Background::stop);
    }

    private <T> Background<T> call(String name, Callable<T> body) {
        Background<T> b = Background.start(name, body);
        started.add(b);
        return b;
    }

    private Background<Void> producer(BoundedQueue<String> queue, String item) {
        Background<Void> b = Background.run("producer-" + item, () -> queue.put(item));
        started.add(b);
        return b;
    }

    private Background<Boolean> offerer(BoundedQueue<String> queue, String item, Duration timeout) {
        return call("offer-" + item, () -> queue.offer(item, timeout));
    }

    private Optional<String> takeNow(BoundedQueue<String> queue) {
        return call("consumer", queue::take)
                .get("take() blocked although the queue held items or was closed: wait only while the queue is empty and open");
    }

    private void putNow(BoundedQueue<String> queue, String item) {
        producer(queue, item).get("put(\"" + item + "\") blocked although the queue had room (size "
                + queue.size() + ", capacity " + queue.capacity() + "): wait only while size == capacity");
    }

    /** Requires the thread to wait properly in await() on a Condition of {@code lock}. */
    private static void assertWaiting(Background<?> thread, TestLock lock, String call, String whyItMustWait) {
        switch (thread.watch(() -> true, lock::isAwaiting)) {
            case WAITING -> { }
            case RETURNED -> {
                Throwable t = thread.failure();
                fail(call + " " + (t == null ? "returned " + thread.get("") : "threw " + t) + " although " + whyItMustWait);
            }
            case SLEEPING -> fail(call + " polls instead of waiting: thread '" + thread.thread().getName() + "' is "
                    + Background.where(thread.thread()) + ", not in await() on a Condition of the queue's lock. A loop around "
                    + "Thread.sleep() keeps checking; wait on a Condition until another thread signals it");
            case NEITHER -> fail(call + " is busy-waiting or waiting on the wrong lock: thread '"
                    + thread.thread().getName() + "' is " + Background.where(thread.thread()) + " and never waited in await() on a "
                    + "Condition of the ReentrantLock the queue received (lock.newCondition())");
        }
    }

    private static void assertLockFree(TestLock lock, String after) {
        assertThat(lock.isLocked())
                .withFailMessage("the queue's lock is still held after " + after + ": code after the exception was "
                        + "skipped, unlock() too — put unlock() in a finally block")
                .isFalse();
    }

    private static void assertClosedRejection(Throwable thrown, String call) {
        assertThat(thrown)
                .withFailMessage("%s on a closed queue %s: after close() producers are rejected with "
                        + "IllegalStateException", call, thrown == null ? "was accepted" : "threw " + thrown)
                .isInstanceOf(IllegalStateException.class);
    }

    /** What a producer call on a closed (and full) queue threw; fails if it waited instead. */
    private static Throwable rejection(Background<?> producer, String call) {
        if (producer.watch(() -> true, t -> Background.isWaiting(t) || Background.isSleeping(t)) != Background.Seen.RETURNED) {
            fail(call + " on a closed (and full) queue waited for room instead of throwing IllegalStateException: "
                    + "check the closed flag before waiting, and in the while loop's condition");
        }
        return producer.failure();
    }

    /** Lets System.nanoTime() move on, so that a restarted timeout is visible in the deadlines. */
    private static void letTheClockAdvance(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Test
    @Points(1)
    @DisplayName("holds up to capacity items without blocking and hands them out in FIFO order")
    void holdsUpToCapacityInFifoOrder() {
        BoundedQueue<String> queue = new BoundedQueue<>(3, lock);
        putNow(queue, "a");
        putNow(queue, "b");
        putNow(queue, "c");
        assertThat(queue.size()).as("size() after 3 puts into a queue of capacity 3").isEqualTo(3);
        assertThat(List.of(takeNow(queue), takeNow(queue), takeNow(queue)))
                .as("items taken, in order").containsExactly(Optional.of("a"), Optional.of("b"), Optional.of("c"));
        assertThat(queue.size()).as("size() after taking everything").isZero();
    }

    @Test
    @Points(2)
    @DisplayName("put() waits in await() while the queue is full and take() while it is empty, each until the other side signals, every waiter woken")
    void putAndTakeWaitForEachOther() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        putNow(queue, "a");
        putNow(queue, "b");

        Background<Void> producer = producer(queue, "c");
        assertWaiting(producer, lock, "put()", "the queue was full (size now " + queue.size() + ", capacity 2): a "
                + "producer must wait while size == capacity — that waiting is the back-pressure");
        assertThat(queue.size()).as("size() while a producer waits for room").isEqualTo(2);

        assertThat(takeNow(queue)).hasValue("a");
        producer.get("the producer waiting in put() was not woken after take() made room: "
                + "signal the 'not full' Condition in take()");
        assertThat(List.of(takeNow(queue), takeNow(queue))).containsExactly(Optional.of("b"), Optional.of("c"));

        Background<Optional<String>> consumer = call("consumer", queue::take);
        assertWaiting(consumer, lock, "take()", "the queue was empty and open: a consumer waits for the next item");
        putNow(queue, "x");
        assertThat(consumer.get("the consumer waiting in take() was not woken by put(): signal the 'not empty' "
                + "Condition in put()")).hasValue("x");
        assertThat(queue.size()).as("size() after the waiting consumer took the item").isZero();

        // Two waiters on one side, two changes in a row (the test holds the lock, so no waiter runs in between):
        // each change must wake a waiter, not only the one that ends "empty" or "full".
        Background<Optional<String>> c1 = call("consumer-1", queue::take);
        Background<Optional<String>> c2 = call("consumer-2", queue::take);
        assertWaiting(c1, lock, "take()", "the queue was empty and open");
        assertWaiting(c2, lock, "take()", "the queue was empty and open");
        lock.lock();
        try {
            queue.put("p");
            queue.put("q");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
        String consumerLost = "two consumers waited in take() and two items were put, but a consumer stayed asleep "
                + "with an item in the queue (a lost wake-up): put() signals 'not empty' only when the queue was empty "
                + "before, and the consumer woken by the first put() had not taken its item when the second came. "
                + "Signal 'not empty' after every put";
        assertThat(List.of(c1.get(consumerLost), c2.get(consumerLost)))
                .as("items the two waiting consumers took").containsExactlyInAnyOrder(Optional.of("p"), Optional.of("q"));

        putNow(queue, "a");
        putNow(queue, "b");
        Background<Void> p1 = producer(queue, "c");
        Background<Void> p2 = producer(queue, "d");
        assertWaiting(p1, lock, "put()", "the queue was full (capacity 2)");
        assertWaiting(p2, lock, "put()", "the queue was full (capacity 2)");
        lock.lock();
        try {
            assertThat(queue.take()).hasValue("a");
            assertThat(queue.take()).hasValue("b");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
        String producerLost = "two producers waited in put() and two items were taken, but a producer stayed asleep "
                + "with room in the queue (a lost wake-up): take() signals 'not full' only when the queue was full "
                + "before, and the producer woken by the first take() had not added its item when the second came. "
                + "Signal 'not full' after every take";
        p1.get(producerLost);
        p2.get(producerLost);
        assertThat(List.of(takeNow(queue), takeNow(queue)))
                .as("items the two waiting producers put").containsExactlyInAnyOrder(Optional.of("c"), Optional.of("d"));

        // Both sides waiting at once: two consumers wait on an empty queue of capacity 1; a producer, holding the
        // lock, puts "x" (waking consumer-1) and "y", which finds the queue full and waits for room. When consumer-1
        // takes "x", the producer must be woken, not only another consumer.
        BoundedQueue<String> one = new BoundedQueue<>(1, lock);
        Background<Optional<String>> w1 = call("consumer-1", one::take);
        assertWaiting(w1, lock, "take()", "the queue was empty and open");
        Background<Optional<String>> w2 = call("consumer-2", one::take);
        assertWaiting(w2, lock, "take()", "the queue was empty and open");
        Background<Void> both = Background.run("producer-x-y", () -> {
            lock.lock();
            try {
                one.put("x");
                one.put("y");
            } finally {
                lock.unlock();
            }
        });
        started.add(both);
        String sidesMixed = "consumer-2 waited in take() and a producer waited in put() for room; when consumer-1 took "
                + "an item, the producer was not woken (a lost wake-up): producers and consumers wait on one Condition, "
                + "and signal() woke consumer-2, which found the queue empty and went back to waiting. Give 'not full' "
                + "and 'not empty' a Condition each (or wake with signalAll())";
        assertThat(w1.get(sidesMixed)).as("item consumer-1 took").hasValue("x");
        both.get(sidesMixed);
        assertThat(w2.get(sidesMixed)).as("item consumer-2 took").hasValue("y");
    }

    @Test
    @Points(2)
    @DisplayName("a producer or consumer woken while it still cannot go on goes back to waiting (while, not if)")
    void wakeUpsAreReChecked() {
        BoundedQueue<String> queue = new BoundedQueue<>(1, lock);
        putNow(queue, "a");
        Background<Void> producer = producer(queue, "b");
        assertWaiting(producer, lock, "put()", "the queue was full (capacity 1)");

        lock.wakeSpuriously();
        assertWaiting(producer, lock, "after a wake-up with the queue still full, put()",
                "nothing had changed (a spurious wake-up). An 'if' checks the state only once: write "
                        + "while (size == capacity && !closed) notFull.await(); — the capacity is now exceeded (size "
                        + queue.size() + ", capacity 1)");

        // A stolen wake-up: take() signals the producer, but the test fills the free slot before it gets the lock back.
        lock.lock();
        try {
            assertThat(queue.take()).hasValue("a");
            queue.put("c");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
        assertWaiting(producer, lock, "put()", "it was signalled, but another producer filled the free slot before it "
                + "got the lock back. An 'if' trusts the signal; re-check in a while loop");
        assertThat(takeNow(queue)).hasValue("c");
        producer.get("the producer was not woken by take() after it went back to waiting");
        assertThat(takeNow(queue)).hasValue("b");

        Background<Optional<String>> consumer = call("consumer", queue::take);
        assertWaiting(consumer, lock, "take()", "the queue was empty and open");
        lock.wakeSpuriously();
        assertWaiting(consumer, lock, "after a wake-up with the queue still empty, take()",
                "nothing had changed (a spurious wake-up). An 'if' checks the state only once: write "
                        + "while (items.isEmpty() && !closed) notEmpty.await();");
        lock.lock();
        try {
            queue.put("stolen");
            assertThat(queue.take()).hasValue("stolen");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
        assertWaiting(consumer, lock, "take()", "it was signalled, but another consumer took the item before it got "
                + "the lock back. An 'if' trusts the signal; re-check in a while loop");
        putNow(queue, "x");
        assertThat(consumer.get("the consumer was not woken by put() after it went back to waiting")).hasValue("x");
    }

    @Test
    @Points(2)
    @DisplayName("offer(item, timeout) adds at once when there is room, waits for room up to its timeout, and returns false when the time runs out")
    void offerWaitsUpToItsTimeout() {
        BoundedQueue<String> queue = new BoundedQueue<>(1, lock);
        assertThat(offerer(queue, "a", Duration.ZERO).get("offer() with room in the queue blocked"))
                .withFailMessage("offer() returned false although the queue had room")
                .isTrue();
        assertThat(offerer(queue, "b", Duration.ZERO).get("offer() with a timeout of zero on a full queue blocked: a "
                + "zero timeout does not wait"))
                .withFailMessage("offer() returned true on a full queue: the item must not be added when there is no room "
                        + "(size now %d, capacity 1). Once the timeout has run out (or was zero), return false without "
                        + "adding; add only after the while loop found room", queue.size())
                .isFalse();

        long beforeShortOffer = System.nanoTime();
        Background<Boolean> shortOffer = offerer(queue, "b", Duration.ofMillis(100));
        Boolean added = shortOffer.get("offer() with a timeout of 100 ms on a full queue was still blocked "
                + Delays.CEILING.toSeconds() + " s later: it must give up when its timeout runs out. Wait with "
                + "nanos = notFull.awaitNanos(nanos) and return false once nanos <= 0 (await() without a timeout "
                + "waits forever)");
        assertThat(added)
                .withFailMessage("offer() returned true on a queue that stayed full: it must return false when the "
                        + "timeout runs out (size now %d, capacity 1)", queue.size())
                .isFalse();
        assertThat(queue.size()).as("size() after an offer that timed out").isEqualTo(1);
        // A correct offer() asks, in its timed waits, to be woken no earlier than 100 ms after it was called;
        // the deadlines come from the lock, so this needs no clock reading of the test's own.
        List<TestLock.TimedWait> shortWaits = lock.timedWaitsOf(shortOffer.thread());
        long waitedUpToMillis = TimeUnit.NANOSECONDS.toMillis(shortWaits.stream()
                .mapToLong(TestLock.TimedWait::deadlineNanos).max().orElse(beforeShortOffer) - beforeShortOffer);
        assertThat(waitedUpToMillis)
                .withFailMessage("offer() with a timeout of 100 ms on a full queue returned false without waiting for "
                        + "room %s: it must wait up to its timeout. A timeout taken in whole seconds (Duration.getSeconds(), "
                        + "toSeconds()) turns 100 ms into 0: convert it with timeout.toNanos() and wait with awaitNanos",
                        shortWaits.isEmpty() ? "(it never called awaitNanos or await(time, unit))"
                                : "its full timeout (its longest wait was to end " + waitedUpToMillis + " ms after the call)")
                .isGreaterThanOrEqualTo(50);

        Background<Boolean> longOffer = offerer(queue, "c", LONG);
        assertWaiting(longOffer, lock, "offer() with a timeout of 10 minutes", "the queue was full and the timeout "
                + "had not run out: offer() waits for room up to its timeout, it does not give up at once");
        assertThat(takeNow(queue)).hasValue("a");
        assertThat(longOffer.get("offer() was not woken after take() made room: signal the 'not full' Condition in take()"))
                .withFailMessage("offer() returned false although take() made room long before its timeout")
                .isTrue();
        assertThat(takeNow(queue)).as("the offered item").hasValue("c");
        assertThat(queue.size()).as("size() at the end").isZero();
    }

    @Test
    @Points(2)
    @DisplayName("offer(item, timeout) keeps its deadline across wake-ups: a wake-up does not restart the timeout")
    void offerKeepsItsDeadlineAcrossWakeUps() {
        BoundedQueue<String> queue = new BoundedQueue<>(1, lock);
        putNow(queue, "a");
        long before = System.nanoTime();
        Background<Boolean> offer = offerer(queue, "b", LONG);
        assertWaiting(offer, lock, "offer() with a timeout of 10 minutes", "the queue was full");
        List<TestLock.TimedWait> waits = lock.timedWaitsOf(offer.thread());
        assertThat(waits)
                .withFailMessage("offer() waits without a timeout: it called await() on a full queue, so it could "
                        + "never give up. Wait with awaitNanos(nanos) (or await(time, unit)), the time left of its timeout")
                .isNotEmpty();
        long firstDeadline = waits.getLast().deadlineNanos();
        assertThat(firstDeadline - before)
                .withFailMessage("offer() with a timeout of 10 minutes asked to be woken after only %d ms: wait until "
                        + "the deadline, not in short slices (that is polling)",
                        TimeUnit.NANOSECONDS.toMillis(firstDeadline - before))
                .isGreaterThan(LONG.toNanos() / 2);

        Duration gap = Duration.ofSeconds(1);
        letTheClockAdvance(gap);
        lock.wakeSpuriously();
        assertWaiting(offer, lock, "after a wake-up with the queue still full, offer()", "its timeout had not run out "
                + "and the queue was still full (a spurious wake-up): re-check in a while loop and wait again "
                + "for the time that is left");
        List<TestLock.TimedWait> after = lock.timedWaitsOf(offer.thread());
        assertThat(after.size())
                .withFailMessage("offer() went back to waiting without a timeout after a wake-up: wait again with "
                        + "awaitNanos(the time left), or it can never give up")
                .isGreaterThan(waits.size());
        long secondDeadline = after.getLast().deadlineNanos();
        long movedMillis = TimeUnit.NANOSECONDS.toMillis(secondDeadline - firstDeadline);
        assertThat(movedMillis)
                .withFailMessage("""
                        offer() restarted its timeout after a wake-up: it first asked to be woken at its deadline, \
                        and after a spurious wake-up %d ms later it asked for the full timeout again (the deadline \
                        moved %d ms later). A producer that is woken often would then wait far longer than its \
                        timeout. Keep the time left across wake-ups: nanos = notFull.awaitNanos(nanos) returns it \
                        (or compute one deadline before the loop).""", gap.toMillis(), movedMillis)
                .isLessThan(gap.toMillis() / 2);

        assertThat(takeNow(queue)).hasValue("a");
        assertThat(offer.get("offer() was not woken after take() made room")).isTrue();
        assertThat(takeNow(queue)).hasValue("b");
    }

    @Test
    @Points(2)
    @DisplayName("after close(), put() and offer() throw IllegalStateException (full or not) and the lock is free; take() drains what is left, then returns empty")
    void closeRejectsProducersAndLetsConsumersDrain() {
        BoundedQueue<String> queue = new BoundedQueue<>(2, lock);
        putNow(queue, "a");
        putNow(queue, "b");

        lock.failNextSignal();
        Throwable closeFailure = catchThrowable(queue::close);
        if (!lock.disarm()) {
            assertThat(closeFailure)
                    .withFailMessage("the Condition's signalAll() threw inside close(), but close() %s: let it propagate",
                            closeFailure == null ? "returned normally" : "threw " + closeFailure)
                    .isInstanceOf(TestLock.InjectedFailure.class);
            assertLockFree(lock, "close() threw (the test made signalAll() throw inside close())");
        }
        queue.close();

        assertClosedRejection(rejection(producer(queue, "c"), "put()"), "put()");
        assertLockFree(lock, "put() threw IllegalStateException on a closed queue");
        assertClosedRejection(catchThrowable(() -> queue.offer("c", Duration.ZERO)), "offer(item, 0)");
        assertClosedRejection(rejection(offerer(queue, "c", LONG), "offer(item, 10 minutes)"), "offer(item, 10 minutes)");
        assertLockFree(lock, "offer() threw IllegalStateException on a closed queue");
        assertThat(queue.size())
                .withFailMessage("size() is %d after close() and rejected put()/offer() calls, expected 2: a closed "
                        + "queue adds nothing", queue.size())
                .isEqualTo(2);

        Optional<String> first = takeNow(queue);
        assertThat(first)
                .withFailMessage("take() on a closed queue that still held 2 items returned %s: consumers drain what "
                        + "is left before they are told the stream has ended", first)
                .hasValue("a");
        assertThat(takeNow(queue)).as("second take() after close()").hasValue("b");
        assertThat(takeNow(queue))
                .as("take() on a closed, drained queue returns Optional.empty()")
                .isEmpty();
        assertThat(takeNow(queue))
                .as("take() on a closed, drained queue, asked again, returns Optional.empty() again")
                .isEmpty();

        Throwable putWithRoom = rejection(producer(queue, "d"), "put()");
        assertThat(putWithRoom)
                .withFailMessage("put() on a closed queue that had room %s: a closed queue rejects every put() and "
                        + "offer() with IllegalStateException, full or not. Check the closed flag first, not only while "
                        + "waiting for room", putWithRoom == null ? "was accepted" : "threw " + putWithRoom)
                .isInstanceOf(IllegalStateException.class);
        Throwable offerWithRoom = catchThrowable(() -> queue.offer("e", Duration.ZERO));
        assertThat(offerWithRoom)
                .withFailMessage("offer() on a closed queue that had room %s: a closed queue rejects every put() and "
                        + "offer() with IllegalStateException, full or not. Check the closed flag first, not only while "
                        + "waiting for room", offerWithRoom == null ? "was accepted" : "threw " + offerWithRoom)
                .isInstanceOf(IllegalStateException.class);
        assertThat(queue.size()).as("size() of a closed, drained queue after rejected put()/offer()").isZero();
        assertThat(catchThrowable(queue::close)).as("a second close()").isNull();
    }

    @Test
    @Points(2)
    @DisplayName("close() wakes every waiting consumer (they get Optional.empty()) and every waiting producer (they throw IllegalStateException)")
    void closeWakesEveryWaitingThread() {
        BoundedQueue<String> empty = new BoundedQueue<>(1, lock);
        Background<Optional<String>> first = call("consumer-1", empty::take);
        Background<Optional<String>> second = call("consumer-2", empty::take);
        assertWaiting(first, lock, "take()", "the queue was empty and open");
        assertWaiting(second, lock, "take()", "the queue was empty and open");
        empty.close();
        String stuck = "a consumer waiting in take() on an empty queue did not return after close(): close() must "
                + "wake every waiting consumer (signalAll() on 'not empty', not signal()), and take() must stop "
                + "waiting once the queue is closed: while (items.isEmpty() && !closed)";
        assertThat(first.get(stuck)).as("take() of a consumer woken by close()").isEmpty();
        assertThat(second.get(stuck)).as("take() of a second consumer woken by close()").isEmpty();

        TestLock fullLock = new TestLock();
        BoundedQueue<String> full = new BoundedQueue<>(1, fullLock);
        putNow(full, "a");
        Background<Void> putter = producer(full, "b");
        Background<Boolean> offerer = offerer(full, "c", LONG);
        assertWaiting(putter, fullLock, "put()", "the queue was full");
        assertWaiting(offerer, fullLock, "offer()", "the queue was full");
        full.close();
        String producerStuck = "a producer waiting for room did not stop waiting after close(): close() must wake "
                + "every waiting producer too (signalAll() on 'not full'), and put()/offer() must re-check the closed "
                + "flag after every wake-up and throw IllegalStateException";
        for (Background<?> p : List.of(putter, offerer)) {
            try {
                p.thread().join(Delays.CEILING);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (!p.isDone()) {
                fail(producerStuck);
            }
            assertClosedRejection(p.failure(), "a " + (p == putter ? "put()" : "offer()") + " waiting when close() was called");
        }
        assertThat(full.size()).as("size() after the waiting producers were rejected").isEqualTo(1);
        assertThat(takeNow(full)).hasValue("a");
        assertThat(takeNow(full)).isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("interrupted put(), offer() and take() throw InterruptedException, change nothing and leave the lock free")
    void interruptedCallsThrowAndChangeNothing() {
        BoundedQueue<String> queue = new BoundedQueue<>(1, lock);
        Background<Optional<String>> consumer = call("consumer", queue::take);
        assertWaiting(consumer, lock, "take()", "the queue was empty");
        consumer.interruptAndExpect("take()");
        assertLockFree(lock, "take() was interrupted");

        putNow(queue, "a");
        Background<Void> producer = producer(queue, "b");
        assertWaiting(producer, lock, "put()", "the queue was full");
        producer.interruptAndExpect("put()");
        assertLockFree(lock, "put() was interrupted");

        Background<Boolean> offer = offerer(queue, "c", LONG);
        assertWaiting(offer, lock, "offer()", "the queue was full");
        offer.interruptAndExpect("offer()");
        assertLockFree(lock, "offer() was interrupted");

        assertThat(queue.size()).as("size() after interrupted put() and offer() on a full queue of capacity 1").isEqualTo(1);
        assertThat(takeNow(queue)).hasValue("a");
        assertThat(queue.size()).as("size() after taking the only item").isZero();
    }


    @Test
    @Points(1)
    @DisplayName("three producers and three consumers through a queue of capacity 2, closed at the end: every item arrives exactly once")
    void manyProducersAndConsumersUntilClosed() {
        BoundedQueue<Integer> queue = new BoundedQueue<>(2, lock);
        int perProducer = 300;
        List<Background<Void>> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int base = p * perProducer;
            boolean offers = p == 2;
            Background<Void> b = Background.run("producer-" + p, () -> {
                for (int i = 0; i < perProducer; i++) {
                    if (offers) {
                        if (!queue.offer(base + i, LONG)) {
                            throw new AssertionError("offer() with a 10-minute timeout returned false");
                        }
                    } else {
                        queue.put(base + i);
                    }
                }
            });
            producers.add(b);
            started.add(b);
        }
        List<Background<List<Integer>>> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Background<List<Integer>> b = call("consumer-" + c, () -> {
                List<Integer> got = new ArrayList<>();
                for (Optional<Integer> item = queue.take(); item.isPresent(); item = queue.take()) {
                    got.add(item.get());
                    if (queue.size() > queue.capacity()) {
                        throw new AssertionError("size() was " + queue.size() + " > capacity 2");
                    }
                }
                return got;
            });
            consumers.add(b);
        }
        producers.forEach(p -> p.get("a producer is stuck in put()/offer() although three consumers keep taking: "
                + "is a signal lost (signal 'not full' after every take, under the lock)?"));
        queue.close();
        List<Integer> all = new ArrayList<>();
        for (Background<List<Integer>> c : consumers) {
            all.addAll(c.get("a consumer is stuck in take() after every item was put and the queue was closed: "
                    + "is a signal lost (signal 'not empty' after every put; signalAll() both conditions in close())?"));
        }
        assertThat(all).as("every item put, taken exactly once")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 3 * perProducer).boxed().toList());
    }
}
