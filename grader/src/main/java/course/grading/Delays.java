package course.grading;

import java.time.Duration;

/**
 * Named waits for tests, so no test scatters magic numbers.
 *
 * <p>These are ceilings for broken code, never expectations about speed: a correct solution
 * finishes far below them on any machine, and a test that hits one fails with a message.
 * The mistakes catalogue grades hundreds of wrong answers in one run, so it
 * lowers the ceiling with the system property {@code grading.ceiling} (seconds).
 */
public final class Delays {
    /** The longest any single wait inside a test may take (a latch, a barrier, a join). */
    public static final Duration CEILING = Duration.ofSeconds(Long.getLong("grading.ceiling", 5));

    /** How long to wait for threads to finish after a test before calling them leaked. */
    public static final Duration THREAD_EXIT = Duration.ofSeconds(2);

    private Delays() {
    }
}
