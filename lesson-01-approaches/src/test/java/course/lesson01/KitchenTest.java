package course.lesson01;

import course.grading.Background;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Points;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 2 · Concurrent or parallel: one cook interleaves, two cooks overlap")
class KitchenTest {

    private static final long CEILING_MS = Delays.CEILING.toMillis();

    @Test
    @Points(3)
    @DisplayName("two cooks cook two dishes at the same instant")
    void twoCooksWorkInParallel() throws Exception {
        CyclicBarrier bothAtTheStove = new CyclicBarrier(2);
        Set<String> cooks = ConcurrentHashMap.newKeySet();
        Set<String> virtualCooks = ConcurrentHashMap.newKeySet();
        Callable<String> soup = () -> {
            cooks.add(Thread.currentThread().getName());
            if (Thread.currentThread().isVirtual()) {
                virtualCooks.add(Thread.currentThread().getName());
            }
            bothAtTheStove.await(CEILING_MS, TimeUnit.MILLISECONDS);
            return "soup";
        };
        Callable<String> cake = () -> {
            cooks.add(Thread.currentThread().getName());
            if (Thread.currentThread().isVirtual()) {
                virtualCooks.add(Thread.currentThread().getName());
            }
            bothAtTheStove.await(CEILING_MS, TimeUnit.MILLISECONDS);
            return "cake";
        };

        List<String> served;
        try (Kitchen kitchen = new Kitchen(2)) {
            served = kitchen.cookAll(List.of(soup, cake));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                fail("only 1 of 2 dishes was cooking at the same time (threads seen: %s): "
                        + "with two cooks both dishes must be on the stove together. Did you wait for each dish "
                        + "(get()) before handing out the next, or cook on the calling thread?", cooks);
            }
            throw e;
        }
        assertThat(served).containsExactly("soup", "cake");
        assertThat(cooks)
                .as("the threads that cooked: the kitchen's own threads, named cook-1 and cook-2")
                .containsExactlyInAnyOrder("cook-1", "cook-2");
        assertThat(virtualCooks)
                .withFailMessage("the cooks %s are virtual threads: a cook is a platform thread (one operating-system "
                        + "thread each), made by Thread.ofPlatform().name(\"cook-\", 1).factory()", virtualCooks)
                .isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("one cook accepts every dish but never cooks two at the same instant")
    void oneCookNeverOverlaps() throws Exception {
        AtomicInteger onTheStove = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> cooks = new CopyOnWriteArrayList<>();
        CountDownLatch firstOnTheStove = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Callable<Integer>> dishes = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int dish = i;
            dishes.add(() -> {
                mostAtOnce.accumulateAndGet(onTheStove.incrementAndGet(), Math::max);
                cooks.add(Thread.currentThread().getName());
                if (dish == 1) {
                    // The first dish stays on the stove until every dish has been handed out:
                    // a kitchen with a second cook would start cooking another one meanwhile.
                    firstOnTheStove.countDown();
                    release.await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                }
                onTheStove.decrementAndGet();
                return dish * 10;
            });
        }

        List<Integer> served;
        try (Kitchen kitchen = new Kitchen(1)) {
            Background<List<Integer>> diner = Background.start("diner", () -> kitchen.cookAll(dishes));
            try {
                diner.watch(() -> firstOnTheStove.getCount() == 0);
                release.countDown();
                diner.join(Delays.CEILING);
                diner.rethrowNotImplemented();
                served = diner.finish("cookAll");
            } finally {
                release.countDown();
                diner.stop();
            }
        }

        assertThat(served).containsExactly(10, 20, 30, 40);
        assertThat(cooks)
                .withFailMessage("with one cook every dish must be cooked by the thread 'cook-1', but the cooks were %s "
                        + "(a pool with the wrong size, default thread names, or dishes run on the caller's thread)", cooks)
                .containsOnly("cook-1");
        assertThat(mostAtOnce.get())
                .withFailMessage("%d dishes were cooking at the same instant in a one-cook kitchen", mostAtOnce.get())
                .isEqualTo(1);
    }

    @Test
    @Points(2)
    @DisplayName("serves the results in the order of the dishes, not the order they finished")
    void servesInDishOrder() throws Exception {
        CountDownLatch saladStarted = new CountDownLatch(1);
        AtomicReference<Thread> saladCook = new AtomicReference<>();
        Callable<String> stew = () -> {
            if (!saladStarted.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("the salad never started while the stew was cooking");
            }
            // The stew is done only after the salad's cook has served the salad and is idle again:
            // the salad surely finished first.
            try {
                await().atMost(Delays.CEILING).pollInterval(Duration.ofMillis(1))
                        .until(() -> saladCook.get() != Thread.currentThread() && isIdle(saladCook.get()));
            } catch (ConditionTimeoutException e) {
                throw new TimeoutException("the salad's cook never became idle while the stew was cooking");
            }
            return "stew";
        };
        Callable<String> salad = () -> {
            saladCook.set(Thread.currentThread());
            saladStarted.countDown();
            return "salad";
        };

        List<String> served;
        try (Kitchen kitchen = new Kitchen(2)) {
            served = kitchen.cookAll(List.of(stew, salad));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException timeout) {
                fail("%s: with two cooks, hand out every dish before you wait for any (%d s)",
                        timeout.getMessage(), Delays.CEILING.toSeconds());
            }
            throw e;
        }

        assertThat(served)
                .withFailMessage("expected [stew, salad] (the order of the dishes) but got %s: the salad finished "
                        + "first, and the results are in the order the dishes finished. Collect the futures in the "
                        + "order you submitted them, not in the order the dishes finished", served)
                .containsExactly("stew", "salad");
    }

    /** A pool thread that has handed its dish over and waits for the next one (or has ended). */
    private static boolean isIdle(Thread cook) {
        Thread.State state = cook.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }

    @Test
    @Points(1)
    @DisplayName("a dish that fails is reported to the caller, not swallowed")
    void failingDishIsReported() {
        IllegalStateException burnt = new IllegalStateException("the pie is burnt");
        Callable<String> pie = () -> {
            throw burnt;
        };

        try (Kitchen kitchen = new Kitchen(2)) {
            Throwable thrown = StarterCalls.thrownBy(() -> kitchen.cookAll(List.of(() -> "tea", pie)));
            assertThat(thrown)
                    .withFailMessage("cookAll must throw an ExecutionException whose cause is the dish's own exception, "
                            + "but it %s: do not catch the failure and serve something else instead",
                            thrown == null ? "returned normally" : "threw " + thrown)
                    .isInstanceOf(ExecutionException.class);
            assertThat(thrown.getCause())
                    .withFailMessage("cookAll threw %s, whose cause is %s, not the dish's own exception %s",
                            thrown, thrown.getCause(), burnt)
                    .isSameAs(burnt);
        }
    }

    @Test
    @Points(2)
    @DisplayName("close() lets the cooks finish the dish in progress, waits for them, and leaves no cook thread running")
    void closeWaitsForTheCooks() throws Exception {
        CountDownLatch cooking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<Thread> cookThreads = new CopyOnWriteArrayList<>();
        Callable<String> slowDish = () -> {
            cookThreads.add(Thread.currentThread());
            cooking.countDown();
            try {
                release.await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return "slow dish";
        };
        Callable<String> quickDish = () -> {
            cookThreads.add(Thread.currentThread());
            return "quick dish";
        };
        Kitchen kitchen = new Kitchen(2);
        // A diner orders; while the slow dish is held on the stove, the kitchen is closed.
        Background<List<String>> diner = Background.start("diner", () -> kitchen.cookAll(List.of(quickDish, slowDish)));
        Background<Void> closer = null;
        try {
            if (!cooking.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
                diner.rethrowNotImplemented();
                fail("the slow dish never started cooking within %d s", Delays.CEILING.toSeconds());
            }
            closer = Background.start("closer", () -> {
                kitchen.close();
                return null;
            });
            Background.Seen seen = closer.watch(() -> true);
            release.countDown();
            closer.join(Delays.CEILING);
            diner.join(Delays.CEILING);
            closer.rethrowNotImplemented();
            if (interrupted.get()) {
                fail("close() interrupted the dish that was still cooking (shutdownNow()): the cooks must finish "
                        + "what they have. Use shutdown() and then awaitTermination(), or ExecutorService.close()");
            }
            switch (seen) {
                case RETURNED -> fail("close() returned while a dish was still cooking: close() must shut the pool "
                        + "down AND wait until the cooks have finished (shutdown() alone does not wait, and sleeping is "
                        + "not waiting: follow shutdown() with awaitTermination(), or call ExecutorService.close())");
                case SLEEPING -> fail("close() was still asleep in Thread.sleep() %d s later while a dish was "
                        + "cooking: sleeping is not waiting. Wait with awaitTermination() (or ExecutorService.close())",
                        Delays.CEILING.toSeconds());
                case NEITHER -> fail("close() neither returned nor waited for the cooks within %d s: it spins or "
                        + "polls instead of waiting with awaitTermination()", Delays.CEILING.toSeconds());
                case WAITING -> { }
            }
            if (closer.thread().isAlive()) {
                fail("close() had not returned %d s after the last dish was done: did you wait (awaitTermination) "
                        + "without calling shutdown() first? A pool that is not shut down never terminates",
                        Delays.CEILING.toSeconds());
            }
            assertThat(diner.finish("cookAll")).as("what the diner was served").containsExactly("quick dish", "slow dish");
        } finally {
            release.countDown();
            if (closer != null) {
                closer.stop();
            }
            diner.stop();
        }

        for (Thread cook : cookThreads) {
            cook.join(Delays.CEILING);
        }
        List<String> alive = cookThreads.stream().filter(Thread::isAlive).map(Thread::getName).distinct().toList();
        assertThat(alive)
                .withFailMessage("after close() the cook threads %s were still running %d s later: close() must shut "
                        + "the pool down (shutdown() or ExecutorService.close()), or the JVM never exits",
                        alive, Delays.CEILING.toSeconds())
                .isEmpty();
    }
}
