package course.lesson01;

/**
 * Exercise 5 · Amdahl's law: how much can more cores help?
 *
 * <p>If a fraction {@code p} of a program's running time can be split over {@code n} cores and
 * the rest {@code 1 - p} cannot, the best possible speed-up is
 *
 * <pre>
 *   S(p, n) = 1 / ((1 - p) + p / n)
 * </pre>
 *
 * <p>Implement the formula, its limit for infinitely many cores, and the opposite direction: from
 * a measured run (sequential time, parallel time, cores) back to the parallel fraction it implies.
 * Reject nonsense (fractions outside [0, 1], fewer than one core, times that are not positive,
 * NaN) with {@link IllegalArgumentException}.
 */
public final class Amdahl {
    private Amdahl() {
    }

    /**
     * The speed-up of a program whose parallel fraction is {@code p}, run on {@code cores} cores.
     *
     * @param p     the fraction of the running time that can run in parallel, in [0, 1]
     * @param cores the number of cores, at least 1
     * @return {@code 1 / ((1 - p) + p / cores)}
     * @throws IllegalArgumentException if {@code p} is not in [0, 1] or {@code cores < 1}
     */
    public static double speedup(double p, int cores) {
        throw new UnsupportedOperationException(
                "not implemented yet: Amdahl.speedup — return 1 / ((1 - p) + p / cores), after checking the arguments");
    }

    /**
     * The speed-up with infinitely many cores: {@code 1 / (1 - p)}, infinite for {@code p == 1}.
     *
     * @param p the parallel fraction, in [0, 1]
     * @return the limit of {@link #speedup} as the number of cores grows
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static double maxSpeedup(double p) {
        throw new UnsupportedOperationException(
                "not implemented yet: Amdahl.maxSpeedup — the limit of the speed-up for infinitely many cores");
    }

    /**
     * The parallel fraction implied by a measurement: solve {@code S(p, cores) = sequential / parallel}
     * for {@code p}.
     *
     * @param sequentialSeconds how long the program took on one core
     * @param parallelSeconds   how long it took on {@code cores} cores
     * @param cores             how many cores the parallel run used, at least 2
     * @return the parallel fraction {@code p} in [0, 1]
     * @throws IllegalArgumentException if a time is not positive, {@code cores < 2}, or the
     *                                  measurement is impossible under Amdahl's law (slower than
     *                                  sequential, or faster than {@code cores} times)
     */
    public static double parallelFraction(double sequentialSeconds, double parallelSeconds, int cores) {
        throw new UnsupportedOperationException(
                "not implemented yet: Amdahl.parallelFraction — solve 1 / ((1 - p) + p / cores) = sequential / parallel for p");
    }
}
