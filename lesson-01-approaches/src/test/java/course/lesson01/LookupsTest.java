package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Points;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 4 · Synchronous or asynchronous: the same lookup, blocking and as a CompletableFuture")
class LookupsTest {

    private static final Map<String, String> NUMBERS =
            Map.of("ada", "555-0101", "alan", "555-0102", "grace", "555-0103");
    private static final long CEILING_MS = Delays.CEILING.toMillis();

    private ExecutorService lookupThreads;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> lookupRanOn = new CopyOnWriteArrayList<>();
    private Thread caller;

    @BeforeEach
    void openPool() {
        lookupThreads = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("lookup-", 1).factory());
    }

    @AfterEach
    void closePool() throws InterruptedException {
        release.countDown();
        lookupThreads.shutdownNow();
        lookupThreads.awaitTermination(Delays.CEILING.toSeconds(), TimeUnit.SECONDS);
    }

    private static String numberOrThrow(String name) {
        String number = NUMBERS.get(name);
        if (number == null) {
            throw new NoSuchElementException("no number for " + name);
        }
        return number;
    }

    /**
     * Answers at once on the caller's thread (the thread that made the book: the test's own);
     * on any other thread, waits until the test releases it.
     */
    private PhoneBook gatedBook() {
        caller = Thread.currentThread();
        return name -> {
            lookupRanOn.add(Thread.currentThread());
            if (Thread.currentThread() != caller) {
                try {
                    if (!release.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the lookup waited " + Delays.CEILING.toSeconds()
                                + " s for the test to release it");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return numberOrThrow(name);
        };
    }

    private <T> CompletableFuture<T> returnedAtOnce(String method, java.util.function.Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (UnsupportedOperationException notYet) {
            throw notYet;
        } catch (RuntimeException e) {
            throw new AssertionError(method + " did not return while the lookup was still running (it failed with '"
                    + e + "'): it must return the future at once, without join() or get() inside", e);
        }
    }

    @Test
    @Points(1)
    @DisplayName("the synchronous lookup runs on the caller's thread and returns the answer line")
    void synchronousLookup() {
        Thread me = Thread.currentThread();
        PhoneBook recording = name -> {
            lookupRanOn.add(Thread.currentThread());
            return numberOrThrow(name);
        };

        String answer = Lookups.lookup(recording, "ada");

        assertThat(lookupRanOn)
                .withFailMessage("the synchronous lookup ran on %s, not on the caller's thread '%s': lookup() asks "
                        + "book.numberOf(name) itself, on the thread that called it, and waits for the answer",
                        lookupRanOn.stream().map(Thread::getName).toList(), me.getName())
                .containsExactly(me);
        assertThat(answer).isEqualTo("ada: 555-0101");
    }

    @Test
    @Points(3)
    @DisplayName("the asynchronous lookup returns at once and runs the lookup on the given executor")
    void asynchronousLookupReturnsAtOnce() throws Exception {
        CompletableFuture<String> answer = returnedAtOnce("lookupAsync()",
                () -> Lookups.lookupAsync(gatedBook(), "ada", lookupThreads));

        assertThat(answer).as("the future returned by lookupAsync").isNotNull();
        assertThat(lookupRanOn)
                .withFailMessage("the lookup ran on the caller's thread '%s': that is the synchronous version. "
                        + "Hand it to the executor: CompletableFuture.supplyAsync(supplier, executor)", caller.getName())
                .doesNotContain(caller);
        assertThat(answer.isDone())
                .withFailMessage("the future was already complete while the lookup was still blocked")
                .isFalse();

        release.countDown();
        assertThat(answer.get(CEILING_MS, TimeUnit.MILLISECONDS)).isEqualTo("ada: 555-0101");
        assertThat(lookupRanOn).hasSize(1);
        assertThat(lookupRanOn.getFirst().getName())
                .withFailMessage("the lookup ran on '%s', not on the executor you were given: pass it as the second "
                        + "argument of supplyAsync (without it, the common ForkJoinPool runs the work)",
                        lookupRanOn.getFirst().getName())
                .startsWith("lookup-");
    }

    @Test
    @Points(2)
    @DisplayName("the callback receives the answer once, only after the lookup has finished")
    void callbackRunsWhenTheAnswerArrives() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch callbackRunning = new CountDownLatch(1);
        CountDownLatch callbackMayReturn = new CountDownLatch(1);
        // The callback stays inside until the test has looked at the returned future.
        java.util.function.Consumer<String> callback = line -> {
            received.add(line);
            callbackRunning.countDown();
            try {
                callbackMayReturn.await(CEILING_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        CompletableFuture<Void> done = returnedAtOnce("lookupThen()",
                () -> Lookups.lookupThen(gatedBook(), "ada", lookupThreads, callback));

        assertThat(received)
                .withFailMessage("the callback already ran with %s before the lookup finished: "
                        + "attach it to the future (thenAccept) instead of calling it yourself", received)
                .isEmpty();
        assertThat(lookupRanOn).as("threads the lookup ran on (not the caller's)").doesNotContain(caller);

        release.countDown();
        assertThat(done).as("the future returned by lookupThen").isNotNull();
        if (callbackRunning.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
            boolean completedEarly = done.isDone();
            callbackMayReturn.countDown();
            assertThat(completedEarly)
                    .withFailMessage("the future lookupThen returned was already complete while the callback was "
                            + "still running: return the future that thenAccept(callback) gives you, which completes "
                            + "after the callback, not another branch of the lookup's future")
                    .isFalse();
        }
        callbackMayReturn.countDown();
        done.get(CEILING_MS, TimeUnit.MILLISECONDS);
        assertThat(received).as("what the callback received").containsExactly("ada: 555-0101");
    }

    @Test
    @Points(2)
    @DisplayName("an unknown name is an error: thrown by the blocking call, carried by the future")
    void unknownNameIsAnError() {
        PhoneBook book = PhoneBookFakes.instant(NUMBERS);

        Throwable blocking = StarterCalls.thrownBy(() -> Lookups.lookup(book, "nobody"));
        assertThat(blocking).as("lookup(book, \"nobody\") must let NoSuchElementException through")
                .isInstanceOf(NoSuchElementException.class);

        CompletableFuture<String> answer = Lookups.lookupAsync(book, "nobody", lookupThreads);
        Throwable async = StarterCalls.thrownBy(() -> answer.get(CEILING_MS, TimeUnit.MILLISECONDS));
        assertThat(async)
                .withFailMessage("lookupAsync(book, \"nobody\") must complete exceptionally with the "
                        + "NoSuchElementException, but get() gave %s (did you catch the exception and return a value?)",
                        async == null ? "the value " + answer.getNow(null) : async)
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NoSuchElementException.class);
    }

    @Test
    @Points(2)
    @DisplayName("lookupAll starts every lookup before waiting for any, and keeps the order of the names")
    void lookupAllRunsTogether() throws Exception {
        List<String> names = List.of("grace", "ada", "alan");
        CyclicBarrier allAsking = new CyclicBarrier(3);
        // The answers arrive in the reverse order of the names: the lookup of a name ends only after
        // the executor has finished the whole task (lookup and the stages attached to it) of the next name.
        Map<String, CountDownLatch> taskDone = new ConcurrentHashMap<>();
        names.forEach(name -> taskDone.put(name, new CountDownLatch(1)));
        Map<Thread, String> lookingUp = new ConcurrentHashMap<>();
        CountDownLatch returned = new CountDownLatch(1);
        Set<String> askedOn = ConcurrentHashMap.newKeySet();
        PhoneBook book = name -> {
            askedOn.add(Thread.currentThread().getName());
            try {
                allAsking.await(CEILING_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException(new TimeoutException(
                        "only " + allAsking.getNumberWaiting() + " other lookup(s) running with the one for " + name));
            }
            int next = names.indexOf(name) + 1;
            if (next == names.size()) {
                // The first answer arrives only after lookupAll has returned: by then it has attached
                // whatever it does with the answers.
                try {
                    if (!returned.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("lookupAll had not returned " + Delays.CEILING.toSeconds()
                                + " s after every lookup had started: it must return the combined future at once, "
                                + "without join() or get() inside");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                try {
                    taskDone.get(names.get(next)).await(CEILING_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lookingUp.put(Thread.currentThread(), name);
            return numberOrThrow(name);
        };
        Executor tracking = task -> lookupThreads.execute(() -> {
            try {
                task.run();
            } finally {
                String name = lookingUp.remove(Thread.currentThread());
                if (name != null) {
                    taskDone.get(name).countDown();
                }
            }
        });

        List<String> answers;
        try {
            CompletableFuture<List<String>> all = Lookups.lookupAll(book, names, tracking);
            returned.countDown();
            answers = all.get(CEILING_MS, TimeUnit.MILLISECONDS);
        } catch (UnsupportedOperationException notYet) {
            throw notYet;
        } catch (TimeoutException e) {
            failIfNotOnTheExecutor(askedOn);
            if (allAsking.isBroken() || allAsking.getNumberWaiting() > 0) {
                fail("the combined future was not complete after %d s, and not every lookup was running at the same "
                        + "time: start every lookupAsync first (collect the futures), then combine them with allOf; "
                        + "do not run the lookups one after another inside one task, or join() inside the loop",
                        Delays.CEILING.toSeconds());
            }
            throw new AssertionError("lookupAll's future was not complete " + Delays.CEILING.toSeconds()
                    + " s after every lookup had answered", e);
        } catch (ExecutionException | RuntimeException e) {
            failIfNotOnTheExecutor(askedOn);
            if (hasCause(e, TimeoutException.class)) {
                fail("only 1 of 3 lookups was running at the same time: start every lookupAsync first "
                        + "(collect the futures), then combine them with allOf; do not join() inside the loop");
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalStateException notReturned && t.getMessage().startsWith("lookupAll had not")) {
                    throw new AssertionError(notReturned.getMessage(), e);
                }
            }
            throw e;
        } finally {
            returned.countDown();
        }
        failIfNotOnTheExecutor(askedOn);
        List<String> expected = List.of("grace: 555-0103", "ada: 555-0101", "alan: 555-0102");
        if (answers != null && answers.equals(expected.reversed())) {
            fail("got %s: the answers are in the order they completed (the test made them arrive in reverse), "
                    + "not in the order of the names. Keep the futures in a list in the order of the names and, "
                    + "after allOf, join() each of them in that order", answers);
        }
        assertThat(answers).as("answers of lookupAll, in the order of the names").containsExactlyElementsOf(expected);
    }

    /** Fails when a lookup of lookupAll ran on a thread that is not the given executor's ('lookup-n'). */
    private static void failIfNotOnTheExecutor(Set<String> askedOn) {
        List<String> elsewhere = askedOn.stream().filter(name -> !name.startsWith("lookup-")).sorted().toList();
        if (!elsewhere.isEmpty()) {
            fail("lookupAll ran lookups on %s, not on the executor you were given (its threads are lookup-1, "
                    + "lookup-2, ...): a parallel stream or supplyAsync without the executor runs them on the common "
                    + "ForkJoinPool, as many at once as it has threads. Start each one with lookupAsync(book, name, "
                    + "executor) and combine the futures with allOf", elsewhere);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Phone books for the tests that do not need to hold the lookup. */
    static final class PhoneBookFakes {
        private PhoneBookFakes() {
        }

        static PhoneBook instant(Map<String, String> numbers) {
            return name -> {
                String number = numbers.get(name);
                if (number == null) {
                    throw new NoSuchElementException("no number for " + name);
                }
                return number;
            };
        }
    }
}
