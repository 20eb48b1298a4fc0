package course.lesson07;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Exercise 3 · The first answer within a deadline; the losers cancelled.
 *
 * <p>Ask several mirrors the same question at once and take the first <em>successful</em>
 * answer. The other candidates are losers: once a winner is known (or the deadline has passed)
 * nobody needs their work, so they must be cancelled <em>and interrupted</em> rather than left
 * running in the background.
 *
 * <p>What to build:
 * <ul>
 *   <li>Run every candidate at the same time, one thread per candidate, in a pool you close
 *       before returning.</li>
 *   <li>Return the result of the first candidate that succeeds. A candidate that throws is
 *       skipped; if all of them fail, throw an {@code ExecutionException}.</li>
 *   <li>If no candidate has succeeded when {@code deadline} has passed, throw a
 *       {@code TimeoutException}.</li>
 *   <li>Whatever happens, every candidate still running when you return has been interrupted
 *       and has stopped: {@code Future.cancel(true)} or {@code shutdownNow()} interrupt;
 *       {@code cancel(false)} and {@code shutdown()} let running tasks carry on.</li>
 * </ul>
 * {@code ExecutorService} has a method made for exactly this; find it, or build it from a
 * completion service.
 *
 * <pre>{@code
 * String page = FirstAnswer.first(List.of(
 *         () -> fetch("https://mirror-a.example/"),
 *         () -> fetch("https://mirror-b.example/")), Duration.ofSeconds(2));
 * }</pre>
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
        throw new UnsupportedOperationException(
                "not implemented yet: run all candidates on a pool, return the first success within the deadline"
                        + " and interrupt the losers before returning");
    }
}
