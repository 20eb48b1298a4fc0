package course.lesson01;

/**
 * Amdahl's law: the speed-up of a program whose running time is split into a part that can run
 * in parallel (fraction {@code p}) and a part that cannot ({@code 1 - p}), on {@code n} cores:
 *
 * <pre>
 *   S(p, n) = 1 / ((1 - p) + p / n)          S(p, &infin;) = 1 / (1 - p)
 * </pre>
 *
 * <p>Solved for {@code p}, a measured speed-up {@code S} on {@code n} cores implies
 * {@code p = (1 - 1/S) / (1 - 1/n)}.
 *
 * <p>Sample usage:
 * <pre>{@code
 * Amdahl.speedup(0.9, 4);                    // 3.08: 90 % parallel, 4 cores
 * Amdahl.maxSpeedup(0.9);                    // 10.0: never more, however many cores
 * Amdahl.parallelFraction(128, 44.48, 4);    // 0.870: the lecture's prime check, if it had 4 cores
 * }</pre>
 *
 * <p>All methods are pure functions of their arguments.
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
        checkFraction(p);
        if (cores < 1) {
            throw new IllegalArgumentException("at least one core is needed, got " + cores);
        }
        return 1.0 / ((1.0 - p) + p / cores);
    }

    /**
     * The speed-up with infinitely many cores: {@code 1 / (1 - p)}, infinite for {@code p == 1}.
     *
     * @param p the parallel fraction, in [0, 1]
     * @return the limit of {@link #speedup} as the number of cores grows
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static double maxSpeedup(double p) {
        checkFraction(p);
        return p == 1.0 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - p);
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
        if (!(sequentialSeconds > 0) || !(parallelSeconds > 0) || Double.isInfinite(sequentialSeconds)
                || Double.isInfinite(parallelSeconds)) {
            throw new IllegalArgumentException("times must be positive and finite, got "
                    + sequentialSeconds + " s and " + parallelSeconds + " s");
        }
        if (cores < 2) {
            throw new IllegalArgumentException("a parallel run needs at least 2 cores, got " + cores);
        }
        double s = sequentialSeconds / parallelSeconds;
        if (s < 1.0 || s > cores) {
            throw new IllegalArgumentException("a speed-up of " + s + " on " + cores
                    + " cores is impossible under Amdahl's law (it lies between 1 and the number of cores)");
        }
        return (1.0 - 1.0 / s) / (1.0 - 1.0 / cores);
    }

    private static void checkFraction(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {   // also rejects NaN
            throw new IllegalArgumentException("the parallel fraction must be in [0, 1], got " + p);
        }
    }
}
