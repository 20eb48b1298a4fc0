package course.lesson01.demo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Demo 2 · Concurrency without parallelism: one cook, two recipes.
 *
 * <p>Each recipe is a list of steps. Part 1: one cook (a single thread). After each step the cook
 * puts the <em>next</em> step of that recipe at the back of the to-do queue and takes whatever is
 * at the front, so the two recipes progress together, step by step, on one thread: concurrent,
 * never parallel. Part 2: two cooks (two threads), each with a recipe: now two steps can happen at
 * the same instant: parallel.
 *
 * <p>Run: {@code mvn -q compile exec:java -pl lesson-01-approaches -Dexec.mainClass=course.lesson01.demo.Demo02_OneCookInterleaves}
 *
 * <p>Output (part 1 is always in this order; in part 2 the lines of the two cooks may mix):
 * <pre>
 * one cook:  cook-1   cake: mix batter
 * one cook:  cook-1   soup: chop onions
 * one cook:  cook-1   cake: bake
 * one cook:  cook-1   soup: simmer
 * ...
 * two cooks: cook-1   cake: mix batter
 * two cooks: cook-2   soup: chop onions
 * </pre>
 */
public final class Demo02_OneCookInterleaves {
    private static final List<String> CAKE = List.of("mix batter", "bake", "ice");
    private static final List<String> SOUP = List.of("chop onions", "simmer", "season");

    private Demo02_OneCookInterleaves() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        try (ExecutorService oneCook = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("cook-1").factory())) {
            // The first steps are queued by the cook itself, so nothing runs before both are queued.
            oneCook.execute(() -> {
                step(oneCook, "one cook: ", "cake", CAKE, 0, done);
                step(oneCook, "one cook: ", "soup", SOUP, 0, done);
            });
            done.await();
        }

        try (ExecutorService twoCooks = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("cook-", 1).factory())) {
            twoCooks.execute(() -> CAKE.forEach(s -> say("two cooks:", "cake", s)));
            twoCooks.execute(() -> SOUP.forEach(s -> say("two cooks:", "soup", s)));
        }
    }

    /** Queues step {@code i} of a recipe; when it has run, it queues step {@code i + 1} behind everything else. */
    private static void step(ExecutorService cook, String who, String dish, List<String> steps, int i, CountDownLatch done) {
        cook.execute(() -> {
            say(who, dish, steps.get(i));
            if (i + 1 < steps.size()) {
                step(cook, who, dish, steps, i + 1, done);
            } else {
                done.countDown();
            }
        });
    }

    private static void say(String who, String dish, String step) {
        System.out.printf("%-10s %-8s %s: %s%n", who, Thread.currentThread().getName(), dish, step);
    }
}
