package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import course.grading.Delays;
import course.grading.Points;
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
import java.util.concurrent.atomic.AtomicInteger;
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
        Callable<String> soup = () -> {
            cooks.add(Thread.currentThread().getName());
            bothAtTheStove.await(CEILING_MS, TimeUnit.MILLISECONDS);
            return "soup";
        };
        Callable<String> cake = () -> {
            cooks.add(Thread.currentThread().getName());
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
    }

    @Test
    @Points(2)
    @DisplayName("one cook accepts every dish but never cooks two at the same instant")
    void oneCookNeverOverlaps() throws Exception {
        AtomicInteger onTheStove = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> cooks = new CopyOnWriteArrayList<>();
        List<Callable<Integer>> dishes = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int dish = i;
            dishes.add(() -> {
                mostAtOnce.accumulateAndGet(onTheStove.incrementAndGet(), Math::max);
                cooks.add(Thread.currentThread().getName());
                Thread.yield();
                onTheStove.decrementAndGet();
                return dish * 10;
            });
        }

        List<Integer> served;
        try (Kitchen kitchen = new Kitchen(1)) {
            served = kitchen.cookAll(dishes);
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
        CountDownLatch saladDone = new CountDownLatch(1);
        Callable<String> stew = () -> {
            if (!saladDone.await(CEILING_MS, TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("the salad never finished while the stew was cooking");
            }
            return "stew";
        };
        Callable<String> salad = () -> {
            saladDone.countDown();
            return "salad";
        };

        List<String> served;
        try (Kitchen kitchen = new Kitchen(2)) {
            served = kitchen.cookAll(List.of(stew, salad));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                fail("the stew waited %d s for the salad, which never started: with two cooks, hand out every "
                        + "dish before you wait for any", Delays.CEILING.toSeconds());
            }
            throw e;
        }

        assertThat(served)
                .withFailMessage("expected [stew, salad] (the order of the dishes) but got %s: collect the futures in the "
                        + "order you submitted them, not in the order the dishes finished", served)
                .containsExactly("stew", "salad");
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
            assertThatThrownBy(() -> kitchen.cookAll(List.of(() -> "tea", pie)))
                    .as("cookAll must throw an ExecutionException whose cause is the dish's own exception")
                    .isInstanceOf(ExecutionException.class)
                    .cause().isSameAs(burnt);
        }
    }

    @Test
    @Points(2)
    @DisplayName("close() sends the cooks home: no cook thread is left running")
    void closeEndsTheCookThreads() throws Exception {
        List<Thread> cookThreads = new CopyOnWriteArrayList<>();
        Callable<String> note = () -> {
            cookThreads.add(Thread.currentThread());
            return "done";
        };
        Kitchen kitchen = new Kitchen(2);
        try {
            kitchen.cookAll(List.of(note, note, note));
        } finally {
            kitchen.close();
        }

        assertThat(cookThreads).as("threads that cooked").isNotEmpty();
        try {
            await().atMost(Delays.CEILING).until(() -> cookThreads.stream().noneMatch(Thread::isAlive));
        } catch (ConditionTimeoutException e) {
            fail("after close() the cook threads %s were still running %d s later: close() must shut the pool "
                    + "down (shutdown() or ExecutorService.close()), or the JVM never exits",
                    cookThreads.stream().filter(Thread::isAlive).map(Thread::getName).distinct().toList(),
                    Delays.CEILING.toSeconds());
        }
    }
}
