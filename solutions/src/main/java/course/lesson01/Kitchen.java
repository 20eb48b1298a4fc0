package course.lesson01;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A kitchen with a fixed number of cooks: a fixed-size pool of platform threads named
 * {@code cook-1} … {@code cook-n} that cook dishes ({@link Callable}s).
 *
 * <p>With one cook the kitchen is <em>concurrent</em> but not <em>parallel</em>: it accepts any
 * number of dishes at once, yet at any instant at most one dish is being cooked, always by
 * {@code cook-1}. With {@code n} cooks up to {@code n} dishes are cooked at the same instant.
 *
 * <p>{@link #cookAll} submits every dish before it waits for the first one, so the cooks can
 * work side by side, and returns the results in the order of the dishes.
 *
 * <p>Sample usage:
 * <pre>{@code
 * try (Kitchen kitchen = new Kitchen(2)) {
 *     List<String> served = kitchen.cookAll(List.of(() -> "soup", () -> "cake"));
 *     // [soup, cake], cooked by cook-1 and cook-2
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before it calls {@code cookAll}
 * <i>happen-before</i> the dishes run, which in turn <i>happen-before</i> {@code cookAll}
 * returns (the guarantees of {@link ExecutorService#submit} and {@link Future#get}).
 */
public final class Kitchen implements AutoCloseable {
    private final ExecutorService cooks;

    /**
     * Opens a kitchen with the given number of cooks.
     *
     * @param cooks how many cook threads the kitchen has, at least 1
     * @throws IllegalArgumentException if {@code cooks < 1}
     */
    public Kitchen(int cooks) {
        if (cooks < 1) {
            throw new IllegalArgumentException("a kitchen needs at least one cook, got " + cooks);
        }
        this.cooks = Executors.newFixedThreadPool(cooks, Thread.ofPlatform().name("cook-", 1).factory());
    }

    /**
     * Cooks all dishes and returns what they produced, in the order of {@code dishes}.
     *
     * @param dishes the dishes to cook
     * @param <T>    what a dish produces
     * @return the results, in the order of the dishes (not the order they finished)
     * @throws ExecutionException   if a dish failed; its cause is the dish's exception
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    public <T> List<T> cookAll(List<? extends Callable<T>> dishes) throws ExecutionException, InterruptedException {
        List<Future<T>> orders = new ArrayList<>(dishes.size());
        for (Callable<T> dish : dishes) {
            orders.add(cooks.submit(dish));          // hand out every dish first ...
        }
        List<T> served = new ArrayList<>(orders.size());
        for (Future<T> order : orders) {
            served.add(order.get());                  // ... then wait, in the order of the dishes
        }
        return served;
    }

    /**
     * Sends the cooks home: no new dishes are accepted, dishes already handed out are finished,
     * and the call returns when every cook thread has ended.
     */
    @Override
    public void close() {
        cooks.close();   // shutdown() + awaitTermination(), since Java 19
    }
}
