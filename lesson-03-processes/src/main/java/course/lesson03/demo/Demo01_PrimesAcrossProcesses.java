package course.lesson03.demo;

import course.lesson03.PrimeFarm;
import course.lesson03.Primes;

/**
 * Demo 1 · CPU-bound work: one thread, then N child JVMs.
 *
 * <p>Counts the primes below 3,000,000 in this JVM on one thread, then with
 * {@link PrimeFarm#countPrimesBelow(int, int)} using 1, 2 and {@code cores} worker processes, and
 * prints a small table. Expect the processes to help up to the number of cores and no further,
 * minus roughly a third of a second per JVM start. Needs exercise 1 solved.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-03-processes -Dexec.mainClass=course.lesson03.demo.Demo01_PrimesAcrossProcesses
 * </pre>
 */
public final class Demo01_PrimesAcrossProcesses {
    private static final int BOUND = 3_000_000;

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("primes below %,d on a machine with %d cores%n%n", BOUND, cores);
        System.out.printf("%-28s %10s %10s%n", "how", "primes", "seconds");

        long start = System.nanoTime();
        long primes = Primes.countInRange(0, BOUND);
        System.out.printf("%-28s %10d %10.2f%n", "this JVM, one thread", primes, seconds(start));

        for (int workers : new int[] {1, 2, cores, 2 * cores}) {
            start = System.nanoTime();
            try {
                primes = PrimeFarm.countPrimesBelow(BOUND, workers);
            } catch (UnsupportedOperationException e) {
                System.out.println("\n(exercise 1 is not solved yet: " + e.getMessage() + ")");
                return;
            }
            System.out.printf("%-28s %10d %10.2f%n", workers + " child JVM(s)", primes, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
