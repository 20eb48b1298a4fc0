package course.lesson01;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Exercise 2 · Concurrent or parallel: a kitchen with a number of cooks.
 *
 * <p>A cook is a platform thread; a dish is a {@link Callable}. Build a kitchen that owns exactly
 * {@code cooks} threads, named {@code cook-1}, {@code cook-2}, … and hands dishes to them:
 *
 * <ul>
 *   <li>With one cook, dishes are handled <em>concurrently</em> (all are accepted at once and
 *       wait their turn) but never <em>in parallel</em>: at any instant at most one is cooking.</li>
 *   <li>With two cooks, two dishes can be cooking at the same instant: parallelism.</li>
 * </ul>
 *
 * <p>{@link #cookAll} must hand <em>every</em> dish to the cooks before it waits for any of them,
 * and return the results in the order of the dishes. {@link #close} sends the cooks home: it
 * returns only when no cook thread is running any more.
 *
 * <p>Hint: {@code java.util.concurrent.Executors} has a fixed-size pool that takes a
 * {@code ThreadFactory}; {@code Thread.ofPlatform().name("cook-", 1).factory()} makes one.
 */
public final class Kitchen implements AutoCloseable {

    /**
     * Opens a kitchen with the given number of cooks.
     *
     * @param cooks how many cook threads the kitchen has, at least 1
     * @throws IllegalArgumentException if {@code cooks < 1}
     */
    public Kitchen(int cooks) {
        throw new UnsupportedOperationException(
                "not implemented yet: Kitchen(cooks) — create a fixed pool of `cooks` threads named cook-1, cook-2, ...");
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
        throw new UnsupportedOperationException(
                "not implemented yet: Kitchen.cookAll — submit every dish first, then collect the results in order");
    }

    /** Sends the cooks home: lets them finish what they have and waits until their threads have ended. */
    @Override
    public void close() {
        throw new UnsupportedOperationException(
                "not implemented yet: Kitchen.close — shut the pool down and wait until its threads have ended");
    }
}
