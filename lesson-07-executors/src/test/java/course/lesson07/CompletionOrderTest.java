package course.lesson07;

import course.grading.Background;
import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;


@DisplayName("Exercise 2 · Results in completion order, each paired with its input")
class CompletionOrderTest {

    @Test
    @Points(3)
    @DisplayName("hands each outcome to the callback as soon as its task is done, fastest first")
    void deliversInCompletionOrder() throws Exception {
        List<String> inputs = List.of("a", "b", "c", "d");
        List<String> finishOrder = List.of("c", "a", "d", "b");
        // A task may finish only after the callback has RECEIVED the task before it in finishOrder:
        // code that waits in input order, or for all tasks, can never get there.
        Map<String, CountDownLatch> delivered = new HashMap<>();
        inputs.forEach(s -> delivered.put(s, new CountDownLatch(1)));
        Deadline deadline = new Deadline();
        List<Completed<String, String>> outcomes = new ArrayList<>();

        CompletionOrder.<String, String>forEachCompleted(inputs, inputs.size(), s -> {
            int position = finishOrder.indexOf(s);
            if (position > 0) {
                deadline.await(delivered.get(finishOrder.get(position - 1)));
            }
            return s.toUpperCase();
        }, c -> {
            outcomes.add(c);
            delivered.get(c.input()).countDown();
        });

        assertThat(outcomes)
                .withFailMessage("each outcome must pair the input with its own result, but got %s: remember which"
                        + " input each future belongs to (a Map<Future<R>, T>), not the position in which it"
                        + " completed", outcomes)
                .allSatisfy(c -> assertThat(c.result()).isEqualTo(c.input().toUpperCase()));
        List<String> order = outcomes.stream().map(Completed::input).toList();
        assertThat(order)
                .withFailMessage("the callback received %s, but the tasks could only complete in the order %s,"
                                + " each one after the callback had seen the one before: you waited for the futures"
                                + " in input order (or for all of them). take() them from an"
                                + " ExecutorCompletionService instead", order, finishOrder)
                .isEqualTo(finishOrder);

        // No inputs: nothing to run, the callback is never called, and forEachCompleted() returns.
        List<Completed<String, String>> none = new ArrayList<>();
        try {
            CompletionOrder.<String, String>forEachCompleted(List.of(), inputs.size(), String::toUpperCase, none::add);
        } catch (RuntimeException e) {
            throw new AssertionError("with no inputs forEachCompleted() must simply return, but it threw " + e + ": a"
                    + " pool sized by the inputs (Math.min(workers, inputs.size())) has 0 threads, and"
                    + " Executors.newFixedThreadPool(0) throws IllegalArgumentException. Create the pool with"
                    + " `workers` threads", e);
        }
        assertThat(none)
                .withFailMessage("with no inputs the callback must never be called, but it received %s", none)
                .isEmpty();
    }

    @Test
    @Points(3)
    @DisplayName("pairs every outcome with its input, and a failing task does not stop the others")
    void pairsOutcomesWithInputs() {
        IOException boom = new IOException("registry unreachable");
        List<Completed<String, Integer>> outcomes = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> CompletionOrder.<String, Integer>forEachCompleted(
                List.of("x1", "x22", "x333", "x4444", "x55555"), 2, s -> {
                    if (s.equals("x333")) {
                        throw boom;
                    }
                    return s.length();
                }, outcomes::add));
        NotImplemented.rethrow(thrown);

        assertThat(thrown)
                .withFailMessage("forEachCompleted threw %s: a failing task is reported to the callback as a"
                        + " Completed.failure(input, error), and the other inputs go on", thrown)
                .isNull();
        Map<String, Completed<String, Integer>> byInput = new HashMap<>();
        outcomes.forEach(c -> byInput.put(c.input(), c));
        assertThat(byInput.keySet())
                .withFailMessage("expected exactly one outcome per input, but the callback received %s", outcomes)
                .containsExactlyInAnyOrder("x1", "x22", "x333", "x4444", "x55555");
        assertThat(outcomes).hasSize(5);
        Completed<String, Integer> failed = byInput.get("x333");
        assertThat(failed.error())
                .withFailMessage("the outcome of x333 carries %s, not the task's own IOException: pass"
                        + " e.getCause() of the ExecutionException", failed.error())
                .isNotInstanceOf(ExecutionException.class)
                .isSameAs(boom);
        for (String s : List.of("x1", "x22", "x4444", "x55555")) {
            assertThat(byInput.get(s).result())
                    .withFailMessage("the outcome for %s has result %s, expected %d: is each future paired with"
                            + " the right input?", s, byInput.get(s).result(), s.length())
                    .isEqualTo(s.length());
        }
    }

    @Test
    @Points(2)
    @DisplayName("calls the callback only on the calling thread, never from inside a task")
    void callbackOnCallingThread() throws Exception {
        Thread caller = Thread.currentThread();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        CompletionOrder.<Integer, Integer>forEachCompleted(List.of(1, 2, 3, 4, 5, 6), 3, x -> x * x, c -> {
            seen.add(Thread.currentThread().getName());
        });

        assertThat(seen)
                .withFailMessage("the callback was called %d times for 6 inputs", seen.size())
                .hasSize(6);
        assertThat(List.copyOf(seen))
                .withFailMessage("the callback ran on %s instead of the calling thread '%s': take() the"
                        + " completed futures in the calling thread and call onEach there, so the callback"
                        + " never runs concurrently with itself", seen, caller.getName())
                .containsOnly(caller.getName());
    }

    @Test
    @Points(1)
    @DisplayName("runs the tasks on a pool of `workers` threads, however many inputs wait")
    void runsOnWorkersThreads() throws Exception {
        int workers = 3;
        CountDownLatch mayFinish = new CountDownLatch(1);
        InFlight inFlight = new InFlight();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Deadline deadline = new Deadline();
        List<Integer> outcomes = Collections.synchronizedList(new ArrayList<>());

        // Every task stays in flight until the test lets it finish, which it does once the caller waits for
        // outcomes (every task submitted): a pool of `workers` threads then runs `workers` tasks and queues
        // the rest; a pool that grows (a cached pool, a thread per input) has started a thread for each.
        Background<Void> caller = Background.run("caller", () -> CompletionOrder.<Integer, Integer>forEachCompleted(
                List.of(1, 2, 3, 4, 5, 6), workers, x -> {
                    threads.add(Thread.currentThread());
                    inFlight.enter();
                    try {
                        deadline.await(mayFinish);
                    } finally {
                        inFlight.exit();
                    }
                    return x * x;
                }, c -> outcomes.add(c.result())));
        try {
            inFlight.awaitPoolSettled(caller, workers, deadline);
        } finally {
            mayFinish.countDown();
        }
        caller.join(new Deadline().remaining());
        caller.stop();
        NotImplemented.rethrow(caller.thrown());

        assertThat(threads)
                .withFailMessage("the 6 tasks ran on %d different threads (%s), up to %d at once, but workers = %d:"
                                + " the pool must have exactly `workers` threads. Create it with"
                                + " Executors.newFixedThreadPool(workers); a cached pool or a thread per input"
                                + " ignores the limit", threads.size(), InputOrderMapTest.names(threads),
                        inFlight.max(), workers)
                .hasSizeLessThanOrEqualTo(workers);
        assertThat(outcomes).as("outcomes received").containsExactlyInAnyOrder(1, 4, 9, 16, 25, 36);
    }

    @Test
    @Points(1)
    @DisplayName("when the calling thread is interrupted while waiting for outcomes, throws InterruptedException")
    void interruptedWhileWaitingThrows() {
        InterruptWhileWaiting.check("forEachCompleted()", 2, task -> () -> {
            CompletionOrder.<Integer, Integer>forEachCompleted(List.of(1, 2), 2, task, c -> { });
            return null;
        });
    }
}
