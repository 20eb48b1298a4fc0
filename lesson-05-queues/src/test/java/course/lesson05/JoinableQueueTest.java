package course.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The queue is built on a {@link TestLock} the test owns. That lets the test see whether a thread
 * really waits in {@code await()} (not spinning, not sleeping in a loop), wake it up without a
 * reason (a spurious wake-up), take away the state it was woken for before it gets the lock back
 * (a stolen wake-up), and make a signal throw inside a critical section.
 */
@DisplayName("Exercise 1 · A joinable queue: taskDone() and join()")
class JoinableQueueTest {

    private final TestLock lock = new TestLock();
    private final JoinableQueue<String> queue = new JoinableQueue<>(lock);
    private final List<Background<?>> started = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        started.forEach(Background::stop);
    }

    private Background<Void> joiner(String name) {
        Background<Void> b = Background.run(name, queue::join);
        started.add(b);
        return b;
    }

    private Background<String> consumer(String name) {
        Background<String> b = Background.start(name, queue::take);
        started.add(b);
        return b;
    }

    /** Asserts that a thread in join() waits properly: in await() on a Condition of the queue's lock. */
    private void assertStillJoining(Background<Void> joiner, String whyItMustWait) {
        switch (joiner.watch(() -> true, lock::isAwaiting)) {
            case WAITING -> { }
            case RETURNED -> {
                joiner.get("");
                fail("join() returned although " + whyItMustWait
                        + ": join() must wait while unfinished tasks > 0 (count put() minus taskDone(), not the queue's size)");
            }
            case SLEEPING -> fail("join() polls instead of waiting: thread '" + joiner.thread().getName() + "' is "
                    + Background.where(joiner.thread()) + ", not in await() on a Condition of the queue's lock. A loop around "
                    + "Thread.sleep() (or a timed wait) checks the count again and again; wait on an 'all done' "
                    + "Condition until taskDone() signals it");
            case NEITHER -> fail("join() is busy-waiting or waiting on the wrong lock: thread '" + joiner.thread().getName()
                    + "' is " + Background.where(joiner.thread()) + " and never waited in await() on a Condition of the ReentrantLock "
                    + "the queue received. Wait on a Condition made from that lock (lock.newCondition()), in a while loop");
        }
    }

    /** Asserts that a thread in take() on an empty queue waits properly. */
    private void assertStillTaking(Background<String> consumer, String whyItMustWait) {
        switch (consumer.watch(() -> true, lock::isAwaiting)) {
            case WAITING -> { }
            case RETURNED -> {
                Throwable t = consumer.failure();
                fail("take() " + (t == null ? "returned " + consumer.get("") : "threw " + t) + " although "
                        + whyItMustWait + ": take() must wait while the queue is empty");
            }
            case SLEEPING -> fail("take() polls instead of waiting: thread '" + consumer.thread().getName() + "' is "
                    + Background.where(consumer.thread()) + ". Wait on a 'not empty' Condition until put() signals it");
            case NEITHER -> fail("take() on an empty queue is busy-waiting or waiting on the wrong lock: thread '"
                    + consumer.thread().getName() + "' is " + Background.where(consumer.thread()) + ". Wait on a Condition made "
                    + "from the ReentrantLock the queue received");
        }
    }

    private void assertLockFree(String after) {
        assertThat(lock.isLocked())
                .withFailMessage("the queue's lock is still held after " + after + ": code after the exception was "
                        + "skipped, unlock() too — put unlock() in a finally block")
                .isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("join() returns at once when nothing was ever put")
    void joinReturnsAtOnceWhenNothingWasPut() {
        joiner("joiner").get("join() on a fresh queue is still blocked: with no unfinished tasks it must return at once");
        assertThat(queue.unfinishedTasks()).as("unfinishedTasks() of a fresh queue").isZero();
    }

    @Test
    @Points(1)
    @DisplayName("take() hands items out in FIFO order, taking an item does not finish it, and put() counts the task as it adds the item, under the lock")
    void takeIsFifoAndDoesNotFinishTheTask() throws InterruptedException {
        queue.put("a");
        queue.put("b");
        queue.put("c");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() was %d after three put() calls, expected 3: every put() counts "
                        + "one more unfinished task", queue.unfinishedTasks())
                .isEqualTo(3);

        assertThat(queue.take()).as("first take()").isEqualTo("a");
        assertThat(queue.take()).as("second take()").isEqualTo("b");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() was %d after taking 2 of 3 items, expected 3: "
                        + "take() must not count an item as finished, only taskDone() does", queue.unfinishedTasks())
                .isEqualTo(3);

        queue.taskDone();
        queue.taskDone();
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() was %d after 3 puts and 2 taskDone() calls, expected 1: "
                        + "each taskDone() counts exactly one task finished", queue.unfinishedTasks())
                .isEqualTo(1);
        assertThat(queue.take()).as("third take()").isEqualTo("c");
        queue.taskDone();

        // put() must count the task in the critical section that adds the item, so not before it has the lock:
        // the test holds the lock while a producer calls put(), and reads the count while it waits.
        Background<Void> early;
        int countWhileWaiting;
        lock.lock();
        try {
            early = Background.run("producer-early", () -> queue.put("e"));
            started.add(early);
            org.awaitility.Awaitility.await().atMost(Delays.CEILING).pollInterval(java.time.Duration.ofMillis(2))
                    .until(() -> early.isDone() || lock.hasQueuedThread(early.thread()));
            countWhileWaiting = queue.unfinishedTasks();
        } finally {
            lock.unlock();
        }
        early.get("put() did not return after the queue's lock was free again");
        assertThat(countWhileWaiting)
                .withFailMessage("put() counted its task outside the queue's lock: while the test held the lock, a "
                        + "put() that had not got it yet had already made unfinishedTasks() %d, expected 0. A volatile "
                        + "(or atomic) count updated outside the lock races with taskDone(): ++ and -- are each a read "
                        + "and a write, so one of two racing updates is lost. Count the task in the same critical "
                        + "section that adds the item", countWhileWaiting)
                .isZero();
        assertThat(queue.take()).as("take() of the item put while the test held the lock").isEqualTo("e");
        queue.taskDone();

        // ... and not after it: a producer is paused right after it releases the lock, and in that gap a
        // consumer takes the item and finishes it.
        lock.pauseNextReleaseByAnotherThread();
        Background<Void> producer = Background.run("producer", () -> queue.put("d"));
        started.add(producer);
        try {
            org.awaitility.Awaitility.await().atMost(Delays.CEILING).pollInterval(java.time.Duration.ofMillis(2))
                    .until(() -> producer.isDone() || lock.paused() == producer.thread());
            assertThat(queue.take()).as("take() of the item the producer had just put").isEqualTo("d");
            Throwable thrown = catchThrowable(queue::taskDone);
            assertThat(thrown)
                    .withFailMessage("a consumer took the item put() had just added and called taskDone() for it, "
                            + "but taskDone() threw %s: put() had released the lock before it counted the task. Add "
                            + "the item and count the unfinished task in the same critical section", thrown)
                    .isNull();
        } finally {
            lock.resumePaused();
        }
        producer.get("put() did not return");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() was %d after every item put was taken and marked done, expected 0",
                        queue.unfinishedTasks())
                .isZero();
    }

    @Test
    @Points(2)
    @DisplayName("join() waits in await() on the lock's Condition (no spinning, no sleep loop) while a taken item is not done")
    void joinWaitsForTakenButUnfinishedItem() throws InterruptedException {
        queue.put("python.org");
        assertThat(queue.take()).isEqualTo("python.org");

        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "the only item was taken but taskDone() was not called yet");

        queue.taskDone();
        joiner.get("join() is still blocked after the last taskDone(): when the count reaches zero, "
                + "wake the threads waiting in join() (signalAll())");
    }

    @Test
    @Points(1)
    @DisplayName("join() keeps waiting until the last of several items is done")
    void joinWaitsForTheLastItem() throws InterruptedException {
        for (String item : List.of("a", "b", "c")) {
            queue.put(item);
        }
        for (int i = 0; i < 3; i++) {
            queue.take();
        }
        queue.taskDone();
        queue.taskDone();

        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "only 2 of 3 items were marked done");

        queue.taskDone();
        joiner.get("join() is still blocked after taskDone() was called once per item put");
    }

    @Test
    @Points(2)
    @DisplayName("the last taskDone() wakes every thread waiting in join(), not just one")
    void lastTaskDoneWakesEveryJoiner() throws InterruptedException {
        queue.put("job");
        queue.take();
        Background<Void> first = joiner("joiner-1");
        Background<Void> second = joiner("joiner-2");
        assertStillJoining(first, "taskDone() was not called yet");
        assertStillJoining(second, "taskDone() was not called yet");

        queue.taskDone();

        long returned = 0;
        for (Background<Void> joiner : List.of(first, second)) {
            try {
                joiner.thread().join(Delays.CEILING);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (joiner.isDone()) {
                joiner.get("");
                returned++;
            }
        }
        assertThat(returned)
                .withFailMessage(returned == 1
                        ? "only 1 of 2 threads waiting in join() returned after the last taskDone(): signal() wakes a "
                                + "single waiter — use signalAll() so every joiner returns"
                        : "no thread waiting in join() returned after the last taskDone(): when the count reaches "
                                + "zero, wake every joiner (use signalAll() on the 'all done' Condition)")
                .isEqualTo(2);
    }

    @Test
    @Points(2)
    @DisplayName("a thread in join() that is woken while tasks are still unfinished goes back to waiting (while, not if)")
    void joinReWaitsAfterSpuriousAndStolenWakeUps() throws InterruptedException {
        queue.put("a");
        queue.take();
        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "the only item was not marked done yet");

        // 1. A spurious wake-up: nothing changed, the count is still 1.
        lock.wakeSpuriously();
        if (joiner.watch(() -> true, lock::isAwaiting) == Background.Seen.RETURNED) {
            joiner.get("");
            fail("join() returned after a wake-up although 1 task was still unfinished: an 'if' checks the count "
                    + "only once. Write while (unfinished > 0) allDone.await(); await() may return without a signal "
                    + "(a spurious wake-up)");
        }

        // 2. A stolen wake-up: the count reaches 0 (join is signalled), but before the joiner gets the lock
        //    back a new item is put, so the count is 1 again when it re-checks.
        lock.lock();
        try {
            queue.taskDone();
            queue.put("b");
        } finally {
            lock.unlock();
        }
        if (joiner.watch(() -> true, lock::isAwaiting) == Background.Seen.RETURNED) {
            joiner.get("");
            fail("join() returned although 1 task was unfinished when it got the lock back: it was signalled when "
                    + "the count reached 0, but another thread put an item before it re-checked. An 'if' trusts the "
                    + "signal; write while (unfinished > 0) allDone.await(); and check the state after every wake-up");
        }
        assertThat(queue.unfinishedTasks()).as("unfinishedTasks() after put, take, taskDone, put").isEqualTo(1);

        queue.take();
        queue.taskDone();
        joiner.get("join() is still blocked after the last item was marked done");
    }

    @Test
    @Points(1)
    @DisplayName("a thread in take() that is woken while the queue is still empty goes back to waiting (while, not if), and every put() wakes a waiting take()")
    void takeReWaitsAfterSpuriousAndStolenWakeUps() throws InterruptedException {
        Background<String> consumer = consumer("consumer");
        assertStillTaking(consumer, "nothing was put");

        lock.wakeSpuriously();
        assertStillTaking(consumer, "it was woken while the queue was still empty (a spurious wake-up). An 'if' "
                + "checks the state only once; write while (items.isEmpty()) notEmpty.await();");

        // A stolen wake-up: put() signals the consumer, but the test takes the item before it gets the lock back.
        lock.lock();
        try {
            queue.put("stolen");
            assertThat(queue.take()).isEqualTo("stolen");
        } finally {
            lock.unlock();
        }
        assertStillTaking(consumer, "another thread took the item it was signalled for before it got the lock back. "
                + "An 'if' trusts the signal; write while (items.isEmpty()) notEmpty.await();");

        queue.put("x");
        assertThat(consumer.get("the consumer was not woken by put() after it went back to waiting: signal the "
                + "'not empty' Condition in put()")).isEqualTo("x");

        // Two waiting consumers, two puts in a row (the test holds the lock, so no consumer runs in between).
        Background<String> first = consumer("consumer-1");
        Background<String> second = consumer("consumer-2");
        assertStillTaking(first, "nothing was put");
        assertStillTaking(second, "nothing was put");
        lock.lock();
        try {
            queue.put("p");
            queue.put("q");
        } finally {
            lock.unlock();
        }
        String lost = "two consumers waited in take() and two items were put, but a consumer stayed asleep with an "
                + "item in the queue (a lost wake-up): put() signals 'not empty' only when the queue was empty before, "
                + "and the consumer woken by the first put() had not taken its item when the second came. Signal "
                + "'not empty' after every put";
        assertThat(List.of(first.get(lost), second.get(lost)))
                .as("items the two waiting consumers took").containsExactlyInAnyOrder("p", "q");

        // A joiner waits first, then a consumer: put() must wake the consumer, whatever else waits on the lock.
        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "tasks were still unfinished");
        Background<String> third = consumer("consumer-3");
        assertStillTaking(third, "nothing was put");
        queue.put("r");
        assertThat(third.get("a thread waited in join() and then a consumer in take(); put(\"r\") did not wake the "
                + "consumer (a lost wake-up): takers and joiners wait on one Condition, and signal() woke the joiner, "
                + "which went back to waiting. Give 'not empty' and 'all done' a Condition each (or wake with signalAll())"))
                .isEqualTo("r");
    }

    @Test
    @Points(2)
    @DisplayName("taskDone() called more often than put() throws IllegalStateException, leaves the count at zero and the lock free")
    void taskDoneTooOftenThrows() throws InterruptedException {
        queue.put("job");
        queue.take();
        queue.taskDone();

        Throwable thrown = catchThrowable(queue::taskDone);
        assertThat(thrown)
                .withFailMessage("taskDone() was called twice for one item and %s: throw IllegalStateException "
                        + "when there is no unfinished task (Python raises ValueError)",
                        thrown == null ? "did not throw" : "threw " + thrown)
                .isInstanceOf(IllegalStateException.class);
        assertLockFree("taskDone() threw IllegalStateException");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() is %d after a rejected taskDone(), expected 0: "
                        + "check the count before you decrement it", queue.unfinishedTasks())
                .isZero();

        queue.put("next");
        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "one item was put after the rejected taskDone() and is not done "
                + "(did the rejected call push the count below zero?)");
        queue.take();
        queue.taskDone();
        joiner.get("join() is still blocked after the new item was marked done");
    }

    @Test
    @Points(1)
    @DisplayName("taskDone() checks the count and decrements it in one step under the lock, so two racing calls for one task cannot both succeed")
    void taskDoneChecksAndDecrementsAtomically() throws InterruptedException {
        // 1. Another thread calls taskDone() while the test holds the lock; then the test calls it too.
        queue.put("first");
        queue.take();
        Background<Void> racer;
        Throwable mine;
        lock.lock();
        try {
            racer = Background.run("racer-1", queue::taskDone);
            started.add(racer);
            org.awaitility.Awaitility.await().atMost(Delays.CEILING).pollInterval(java.time.Duration.ofMillis(2))
                    .until(() -> racer.isDone() || lock.hasQueuedThread(racer.thread()));
            mine = catchThrowable(queue::taskDone);
        } finally {
            lock.unlock();
        }
        assertOneOfTwoTaskDonesFailed(racer, mine);

        // 2. Another thread calls taskDone() and is paused as soon as it first releases the lock;
        //    in that gap the test calls taskDone() itself.
        queue.put("second");
        queue.take();
        lock.pauseNextReleaseByAnotherThread();
        Background<Void> second = Background.run("racer-2", queue::taskDone);
        started.add(second);
        try {
            org.awaitility.Awaitility.await().atMost(Delays.CEILING).pollInterval(java.time.Duration.ofMillis(2))
                    .until(() -> second.isDone() || lock.paused() == second.thread());
            mine = catchThrowable(queue::taskDone);
        } finally {
            lock.resumePaused();
        }
        assertOneOfTwoTaskDonesFailed(second, mine);
    }

    private void assertOneOfTwoTaskDonesFailed(Background<Void> racer, Throwable mine) {
        try {
            racer.get("taskDone() is still blocked after the lock was released");
        } catch (IllegalStateException expected) {
            // the other thread lost the race: fine
        }
        Throwable theirs = racer.failure();
        String calls = "the test's call " + (mine == null ? "succeeded" : "threw " + mine) + ", the other thread's call "
                + (theirs == null ? "succeeded" : "threw " + theirs);
        int count = queue.unfinishedTasks();
        assertThat(count)
                .withFailMessage("two threads called taskDone() for the single unfinished task and the count is now %d "
                        + "(%s): taskDone() checked the count apart from the decrement (check-then-act: outside the "
                        + "lock, or in a separate locked block), so both saw 1 and both decremented. Check and "
                        + "decrement in one step, under the lock", count, calls)
                .isZero();
        assertThat((mine instanceof IllegalStateException ? 1 : 0) + (theirs instanceof IllegalStateException ? 1 : 0))
                .withFailMessage("two threads called taskDone() for the single unfinished task: exactly one must succeed "
                        + "and the other throw IllegalStateException (check-then-act?), but %s", calls)
                .isEqualTo(1);
        assertLockFree("the rejected taskDone()");
    }

    @Test
    @Points(1)
    @DisplayName("interrupted take() and join() throw InterruptedException and leave the count and the lock as they were; a failing signal in put() leaves the lock free")
    void interruptsAndFailuresLeaveTheLockFree() throws InterruptedException {
        Background<String> consumer = consumer("consumer");
        assertStillTaking(consumer, "nothing was put");
        consumer.interruptAndExpect("take()");
        assertLockFree("take() was interrupted");

        queue.put("a");
        queue.take();
        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "the only item was not marked done yet");
        joiner.interruptAndExpect("join()");
        assertLockFree("join() was interrupted");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() is %d after an interrupted join(), expected 1: an interrupted "
                        + "wait must not change the count", queue.unfinishedTasks())
                .isEqualTo(1);

        Background<String> waiting = consumer("consumer-2");
        assertStillTaking(waiting, "the queue was empty");
        lock.failNextSignal();
        Throwable thrown = catchThrowable(() -> queue.put("b"));
        boolean signalled = !lock.disarm();
        assertThat(signalled)
                .withFailMessage("put() did not signal a Condition although a consumer was waiting in take(): "
                        + "signal the 'not empty' Condition in put()")
                .isTrue();
        assertThat(thrown)
                .withFailMessage("the Condition's signal() threw inside put(), but put() %s: let it propagate",
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(TestLock.InjectedFailure.class);
        assertLockFree("put() threw (the test made signal() throw inside put())");
    }


    @Test
    @Points(1)
    @DisplayName("four workers and a producer: join() returns once every item has been processed exactly once")
    void workersProcessEveryItemBeforeJoinReturns() {
        JoinableQueue<Integer> jobs = new JoinableQueue<>(new TestLock());
        Set<Integer> processed = ConcurrentHashMap.newKeySet();
        List<Background<Void>> workers = new ArrayList<>();
        int items = 2_000;
        for (int w = 0; w < 4; w++) {
            Background<Void> worker = Background.run("worker-" + w, () -> {
                while (true) {
                    int item = jobs.take();
                    if (item < 0) {
                        jobs.taskDone();
                        return;
                    }
                    processed.add(item);
                    jobs.taskDone();
                }
            });
            workers.add(worker);
            started.add(worker);
        }
        Background<Void> producer = Background.run("producer", () -> {
            for (int i = 0; i < items; i++) {
                jobs.put(i);
            }
            jobs.join();
        });
        started.add(producer);

        producer.get("the producer's join() did not return although 4 workers took and finished every item: "
                + "are put()/take()/taskDone() all guarded by the same lock?");
        assertThat(processed)
                .withFailMessage("join() returned when only %d of %d items had been processed", processed.size(), items)
                .hasSize(items);

        for (int w = 0; w < 4; w++) {
            jobs.put(-1);
        }
        for (Background<Void> worker : workers) {
            worker.get("a worker did not stop after its poison pill");
        }
        assertThat(jobs.unfinishedTasks()).as("unfinishedTasks() after everything, pills included, was done").isZero();
    }
}
