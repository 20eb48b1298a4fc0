package course.lesson03.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Demo 1 · The lecture's primes: a list of large numbers checked one after another, then with one
 * child process per number, results printed as they complete; then (Java only) one thread per
 * number. Next to the lecture's figures: 128 s, then 44.48 s with processes.
 *
 * <p>Each child is a new JVM running this class with {@code --child N}: it checks one number with
 * its own trial division ({@link #isPrime(long)}, the lecture's {@code is_prime}) and prints
 * {@code N true} or {@code N false}. The parent starts them all, then reports each one the moment
 * it exits ({@code Process.onExit()}), so quick numbers come first, as in the lecture. It runs on
 * the starter: it uses neither {@code PrimeFarm} nor {@code PrimeWorker} of Exercise 1.
 *
 * <p>The lecture does not list its numbers; these are of the same kind (15 and 16 digits, primes
 * that take long and composites that end at once) but fewer, so the demo takes seconds, not
 * minutes. The Java column is what this machine measured; the ratio and the chart scale the Java
 * figures so that the two "one after another" rows are equal, and compare the shapes.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-03-processes -Dexec.mainClass=course.lesson03.demo.Demo01_PrimesAcrossProcesses
 * ./mvnw -q compile exec:java -pl lesson-03-processes -Dexec.mainClass=course.lesson03.demo.Demo01_PrimesAcrossProcesses -Dexec.args=--numbers=1000003,999999000001,12
 * </pre>
 *
 * <p>Writes the table and a Mermaid chart to {@code lesson-03-processes/target/demo/lesson-03-primes.md}
 * and {@code .mmd}.
 */
public final class Demo01_PrimesAcrossProcesses {
    static final double PYTHON_SEQUENTIAL = 128;
    static final double PYTHON_PROCESSES = 44.48;

    /** Large numbers like the lecture's: six primes of 15 and 16 digits take long, the rest end at once. */
    static final List<Long> NUMBERS = List.of(
            2L, 142_702_110_479_723L, 299_593_572_317_531L, 3_333_333_333_333_333L,
            4_444_444_444_444_423L, 4_444_444_488_888_889L, 5_555_555_555_555_503L, 6_666_666_666_666_719L,
            7_777_777_777_777_753L, 7_777_777_777_777_777L, 9_999_999_999_999_917L, 9_999_999_999_999_999L);

    private Demo01_PrimesAcrossProcesses() {
    }

    /** The lecture's {@code is_prime}: 2, no other even number, then odd divisors up to the square root. */
    static boolean isPrime(long n) {
        if (n == 2) {
            return true;
        }
        if (n < 2 || n % 2 == 0) {
            return false;
        }
        long limit = (long) Math.sqrt((double) n);
        for (long d = 3; d <= limit + 1 && d < n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            long n = Long.parseLong(args[1]);
            System.out.println(n + " " + isPrime(n));          // a child: check one number, print, exit
            return;
        }
        List<Long> numbers = Arrays.stream(DemoArgs.option(args, "numbers", "").split(","))
                .filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        if (numbers.isEmpty()) {
            numbers = NUMBERS;
        }
        System.out.printf("%d numbers, %d cores%n%n", numbers.size(), Runtime.getRuntime().availableProcessors());

        System.out.println("-- one after another, in this JVM --");
        long t0 = System.nanoTime();
        for (long n : numbers) {
            System.out.printf("%,26d  %-5s  at %6.2f s%n", n, isPrime(n), seconds(t0));
        }
        double sequential = seconds(t0);
        System.out.printf("check for %d numbers took %.2f s%n%n", numbers.size(), sequential);

        System.out.println("-- one child JVM per number, reported as each one exits --");
        double processes = inProcesses(numbers);
        System.out.printf("check for %d numbers took %.2f s%n%n", numbers.size(), processes);

        System.out.println("-- one thread per number, reported as each one ends (Java has no GIL) --");
        double threads = inThreads(numbers);
        System.out.printf("check for %d numbers took %.2f s%n", numbers.size(), threads);

        LectureTable table = new LectureTable("Lesson 03 · primes: one after another, one process per number, one thread per number",
                "run", "s", PYTHON_SEQUENTIAL / sequential)
                .row("one after another", PYTHON_SEQUENTIAL, sequential)
                .row("one process per number", PYTHON_PROCESSES, processes)
                .row("one thread per number", Double.NaN, threads);
        table.printAndSave(Demo01_PrimesAcrossProcesses.class, "lesson-03-primes");
        System.out.printf("speed-up with processes: Python %.2fx, Java %.2fx; with threads: Java %.2fx%n",
                PYTHON_SEQUENTIAL / PYTHON_PROCESSES, sequential / processes, sequential / threads);
    }

    private static double inProcesses(List<Long> numbers) throws IOException, InterruptedException {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", classesDir(), Demo01_PrimesAcrossProcesses.class.getName(), "--child");
        BlockingQueue<Process> exited = new LinkedBlockingQueue<>();
        List<Process> children = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (long n : numbers) {
                List<String> command = new ArrayList<>(java);
                command.add(Long.toString(n));
                Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                children.add(child);
                child.onExit().thenAccept(exited::add);          // like the lecture's p.start(): all run at once
            }
            for (int i = 0; i < children.size(); i++) {
                Process child = exited.take();                   // whichever child exits next
                String answer = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                String[] parts = answer.split(" ");
                System.out.printf("%,26d  %-5s  at %6.2f s  (pid %d, exit %d)%n",
                        Long.parseLong(parts[0]), parts[1], seconds(t0), child.pid(), child.exitValue());
            }
            return seconds(t0);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static double inThreads(List<Long> numbers) throws InterruptedException {
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (long n : numbers) {
            threads.add(Thread.ofPlatform().start(() -> done.add(String.format("%,26d  %-5s", n, isPrime(n)))));
        }
        for (int i = 0; i < numbers.size(); i++) {
            System.out.printf("%s  at %6.2f s%n", done.take(), seconds(t0));
        }
        for (Thread t : threads) {
            t.join();
        }
        return seconds(t0);
    }

    /** This module's compiled classes (under exec:java, java.class.path is Maven's, not ours). */
    private static String classesDir() {
        try {
            return Path.of(Demo01_PrimesAcrossProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
