package course.lesson07;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs several alternative tasks at once and returns the first successful result within a
 * deadline, cancelling the others.
 *
 * <p>Every candidate gets its own thread. {@link ExecutorService#invokeAny(java.util.Collection,
 * long, TimeUnit)} waits for the first candidate that completes <em>normally</em> (a candidate
 * that throws is skipped), and before it returns or throws it cancels every candidate still
 * running with {@code cancel(true)}, which interrupts it. Closing the pool then waits until those
 * interrupted candidates have actually stopped, so nothing of this call is still running when it
 * returns. Candidates should therefore respond to interruption (blocking calls throw
 * {@code InterruptedException}; loops check {@code Thread.interrupted()}).
 *
 * <p>Sample usage:
 * <pre>{@code
 * String page = FirstAnswer.first(List.of(
 *         () -> fetch("https://mirror-a.example/"),
 *         () -> fetch("https://mirror-b.example/")), Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Memory consistency effects: actions of the winning candidate happen-before {@code first}
 * returns its result.
 */
public final class FirstAnswer {

    private FirstAnswer() {
    }

    /**
     * Runs all candidates concurrently and returns the first successful result.
     *
     * @param candidates the alternatives, each of which should stop when interrupted
     * @param deadline   how long to wait for a successful result
     * @param <R>        the result type
     * @return the result of the first candidate to succeed
     * @throws ExecutionException   when every candidate failed
     * @throws TimeoutException     when no candidate succeeded within the deadline
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    public static <R> R first(List<? extends Callable<R>> candidates, Duration deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, candidates.size()))) {
            try {
                // invokeAny cancels (interrupts) the losers itself, on success, failure and timeout
                return pool.invokeAny(candidates, deadline.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                pool.shutdownNow();   // belt and braces: nothing may outlive this call
            }
        }
    }
}
