package course.lesson03;

/**
 * Exercise 1 · Counts primes with several child JVMs, one per slice of the range.
 *
 * <p>Counting primes is CPU-bound: the work is all arithmetic, so it only goes faster when more
 * CPU cores work on it at once. Here every core gets its own <em>process</em>: a separate JVM
 * running {@link PrimeWorker} on one slice of {@code [0, bound)}. The parent only splits the
 * range, starts the workers, reads back one number from each, and adds them up.
 *
 * <p>What to build, in {@link #countPrimesBelow(int, int)}:
 * <ol>
 *   <li>Split {@code [0, bound)} into {@code workers} contiguous slices that cover every number
 *       exactly once (sizes may differ by one).</li>
 *   <li>Start one child JVM per slice with {@link ProcessBuilder}; the argument list comes from
 *       {@code JavaProcesses.command(PrimeWorker.class, from, to)}. Start <em>all</em> of them
 *       before waiting for any: otherwise they run one after another.</li>
 *   <li>From each worker read its single line of standard output (the count), wait for it to
 *       exit, and check that its exit code is 0.</li>
 *   <li>Whatever goes wrong, leave no worker running.</li>
 * </ol>
 * The number of primes below 1,000,000 is 78,498.
 */
public final class PrimeFarm {
    private PrimeFarm() {
    }

    /**
     * Counts the primes in {@code [0, bound)} using {@code workers} child JVMs running at once.
     *
     * @throws IllegalArgumentException if {@code bound < 0} or {@code workers < 1}
     * @throws IllegalStateException if a worker exits with a non-zero code or prints no number
     */
    public static long countPrimesBelow(int bound, int workers) throws java.io.IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: split [0, bound) into slices, start one PrimeWorker JVM per slice, sum their outputs");
    }
}
