package course.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 1 · A joinable queue: taskDone() and join()")
class JoinableQueueTest {

    private final JoinableQueue<String> queue = new JoinableQueue<>();
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

    /** Asserts that a thread sitting in join() is blocked properly: parked, not finished, not spinning. */
    private static void assertStillJoining(Background<Void> joiner, String whyItMustWait) {
        switch (joiner.awaitParkedOrDone()) {
            case PARKED -> { }
            case FINISHED -> {
                joiner.rethrowFailure();
                fail("join() returned although " + whyItMustWait
                        + ": join() must wait while unfinished tasks > 0 (count put() minus taskDone(), not the queue's size)");
            }
            case SPINNING -> fail("join() is busy-waiting: thread '" + joiner.thread().getName()
                    + "' stayed RUNNABLE for seconds. Wait on a condition (Condition.await() / Object.wait()) in a while loop instead of spinning");
        }
    }

    @Test
    @Points(2)
    @DisplayName("join() returns at once when nothing was ever put")
    void joinReturnsAtOnceWhenNothingWasPut() {
        joiner("joiner").get("join() on a fresh queue is still blocked: with no unfinished tasks it must return at once");
        assertThat(queue.unfinishedTasks()).as("unfinishedTasks() of a fresh queue").isZero();
    }

    @Test
    @Points(2)
    @DisplayName("take() hands items out in FIFO order, and taking an item does not finish it")
    void takeIsFifoAndDoesNotFinishTheTask() throws InterruptedException {
        queue.put("a");
        queue.put("b");
        queue.put("c");
        assertThat(queue.unfinishedTasks()).as("unfinishedTasks() after three put() calls").isEqualTo(3);

        assertThat(queue.take()).as("first take()").isEqualTo("a");
        assertThat(queue.take()).as("second take()").isEqualTo("b");
        assertThat(queue.unfinishedTasks())
                .withFailMessage("unfinishedTasks() was %d after taking 2 of 3 items, expected 3: "
                        + "take() must not count an item as finished, only taskDone() does", queue.unfinishedTasks())
                .isEqualTo(3);

        queue.taskDone();
        queue.taskDone();
        assertThat(queue.unfinishedTasks()).as("unfinishedTasks() after 3 puts and 2 taskDone() calls").isEqualTo(1);
        assertThat(queue.take()).as("third take()").isEqualTo("c");
    }

    @Test
    @Points(3)
    @DisplayName("join() waits, without spinning, while a taken item is not marked done, and returns after taskDone()")
    void joinWaitsForTakenButUnfinishedItem() throws InterruptedException {
        queue.put("python.org");
        assertThat(queue.take()).isEqualTo("python.org");

        Background<Void> joiner = joiner("joiner");
        assertStillJoining(joiner, "the only item was taken but taskDone() was not called yet");

        queue.taskDone();
        joiner.get("join() is still blocked after the last taskDone(): when the count reaches zero, "
                + "wake the threads waiting in join() (signalAll()/notifyAll())");
    }

    @Test
    @Points(2)
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

        first.get("a thread in join() is still blocked after the last taskDone()");
        second.get("only 1 of 2 threads waiting in join() returned after the last taskDone(): "
                + "signal()/notify() wakes a single waiter — use signalAll()/notifyAll() so every joiner returns");
    }

    @Test
    @Points(2)
    @DisplayName("taskDone() called more often than put() throws IllegalStateException and leaves the count at zero")
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
    @Points(2)
    @DisplayName("four workers and a producer: join() returns once every item has been processed exactly once")
    void workersProcessEveryItemBeforeJoinReturns() {
        JoinableQueue<Integer> jobs = new JoinableQueue<>();
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
