package course.lesson03;

/**
 * The CPU-bound task of this lesson: trial division, the same test the lecture uses.
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class Primes {
    private Primes() {
    }

    /** Whether {@code n} is prime, by trial division with odd divisors up to √n. */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n < 4) {
            return true;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many primes lie in {@code [from, to)}. */
    public static long countInRange(long from, long to) {
        long count = 0;
        for (long n = Math.max(from, 0); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }
}
