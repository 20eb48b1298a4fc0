package course.lesson03;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts primes with several child JVMs, one per slice of the range: the Java counterpart of the
 * lecture's {@code multiprocessing.Process} example.
 *
 * <p>The range {@code [0, bound)} is cut into {@code workers} contiguous slices whose sizes differ
 * by at most one. For each slice a new JVM running {@link PrimeWorker} is started with
 * {@link ProcessBuilder}; all workers are started before the first is waited for, so they run at
 * the same time on as many cores as the machine has. Each worker prints one number, its count;
 * the counts are read back from the workers' standard output and added up.
 *
 * <p>Sample usage:
 * <pre>{@code
 * long primes = PrimeFarm.countPrimesBelow(1_000_000, Runtime.getRuntime().availableProcessors());
 * // 78498
 * }</pre>
 *
 * <p>Failure: if a worker cannot be started, prints no number or exits with a non-zero code, or
 * the calling thread is interrupted, every worker still running is destroyed before the
 * exception leaves this method.
 *
 * <p>Memory consistency effects: none are needed and none exist. Parent and workers share no
 * memory; the only data flowing between them is the bytes of the workers' arguments and output.
 */
public final class PrimeFarm {
    private PrimeFarm() {
    }

    /**
     * Counts the primes in {@code [0, bound)} using {@code workers} child JVMs running at once.
     *
     * @param bound   the exclusive upper end of the range
     * @param workers how many worker processes to start, one per slice
     * @return the number of primes below {@code bound}
     * @throws IllegalArgumentException if {@code bound < 0} or {@code workers < 1}
     * @throws IllegalStateException    if a worker exits with a non-zero code or prints no number
     * @throws IOException              if a worker cannot be started or its output read
     * @throws InterruptedException     if interrupted while waiting; the workers are destroyed
     */
    public static long countPrimesBelow(int bound, int workers) throws IOException, InterruptedException {
        if (bound < 0 || workers < 1) {
            throw new IllegalArgumentException("need bound >= 0 and workers >= 1, got bound=" + bound
                    + ", workers=" + workers);
        }
        List<Process> started = new ArrayList<>(workers);
        try {
            // 1. Start every worker first: they must all be running at the same time.
            for (int i = 0; i < workers; i++) {
                long from = (long) bound * i / workers;
                long to = (long) bound * (i + 1) / workers;
                ProcessBuilder builder = new ProcessBuilder(
                        JavaProcesses.command(PrimeWorker.class, Long.toString(from), Long.toString(to)))
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                started.add(builder.start());
            }
            // 2. Then collect: one line from each, and a clean exit.
            long total = 0;
            for (Process worker : started) {
                String line;
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                    line = out.readLine();
                }
                int exit = worker.waitFor();
                if (exit != 0 || line == null) {
                    throw new IllegalStateException("worker " + worker.pid() + " failed: exit code " + exit
                            + ", output " + (line == null ? "<none>" : "'" + line + "'"));
                }
                try {
                    total += Long.parseLong(line.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("worker " + worker.pid() + " printed '" + line
                            + "' instead of a number", e);
                }
            }
            return total;
        } finally {
            for (Process worker : started) {
                if (worker.isAlive()) {
                    worker.destroyForcibly();
                }
            }
        }
    }
}
