package course.lesson02.demo;

import course.shared.demo.LectureTable;
import course.shared.demo.DemoArgs;

import course.lesson02.support.Http;
import course.lesson02.support.SlowPageServer;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Demo 1 · The lecture's experiment: four pages fetched one after another, then one thread per
 * page, next to the lecture's figures (1.52 s and 0.42 s).
 *
 * <p>The "internet" is a {@link SlowPageServer} on {@code 127.0.0.1} (a free port). Each page has
 * its own delay, chosen so that the four add up to the lecture's sequential 1.52 s and the slowest
 * one (.com, the last to answer in the lecture's threaded run) takes 0.42 s: the best a threaded
 * run can do. So the delays are modelled on the lecture; what is measured is how close Java's
 * threads come to that best case, and what threads and local HTTP cost on top.
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-02-threads -Dexec.mainClass=course.lesson02.demo.Demo01_SequentialVsThreaded
 * ./mvnw -q compile exec:java -pl lesson-02-threads -Dexec.mainClass=course.lesson02.demo.Demo01_SequentialVsThreaded -Dexec.args=--scale=10
 * </pre>
 *
 * <p>{@code --scale=N} makes every delay N times shorter (the test uses it). The table and a
 * Mermaid chart are printed and written to {@code lesson-02-threads/target/demo/lesson-02-fetch.md}
 * and {@code .mmd}. Runs on the starter: it does its own threading (an executor with one platform
 * thread per task, not the {@code PageFetcher} of Exercise 1).
 */
public final class Demo01_SequentialVsThreaded {
    /** The lecture's figures, in seconds. */
    static final double PYTHON_SEQUENTIAL = 1.52;
    static final double PYTHON_THREADED = 0.42;

    /** Per-page delays in seconds (model): they add up to 1.52, the slowest is 0.42. */
    private static final Map<String, Double> DELAYS = new LinkedHashMap<>();

    static {
        DELAYS.put("/example.com", 0.42);
        DELAYS.put("/example.net", 0.35);
        DELAYS.put("/example.org", 0.37);
        DELAYS.put("/example.edu", 0.38);
    }

    private Demo01_SequentialVsThreaded() {
    }

    public static void main(String[] args) throws Exception {
        double scale = DemoArgs.scale(args, 1);
        try (SlowPageServer site = SlowPageServer.start(Duration.ZERO)) {
            site.beforeEachAnswer(path -> Thread.sleep(delayOf(path, scale)));   // simulated latency only
            System.out.printf("Local site on %s, page delays %s s%s, %d cores%n%n", site.uri("/"), DELAYS.values(),
                    scale == 1 ? "" : " divided by " + scale, Runtime.getRuntime().availableProcessors());
            Http.get(site.uri("/warm-up"));   // load the HTTP classes first, so neither run pays for it

            System.out.println("-- one after another --");
            long t0 = System.nanoTime();
            for (String page : DELAYS.keySet()) {
                getPage(site.uri(page), "main");
            }
            double sequential = seconds(t0);
            System.out.printf("%d pages loaded in %.2f s%n%n", DELAYS.size(), sequential);

            System.out.println("-- one thread per page --");
            long t1 = System.nanoTime();
            // One new platform thread per task; leaving the try block waits until every task is done.
            try (ExecutorService perPage = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("fetch-", 0).factory())) {
                DELAYS.keySet().forEach(page -> perPage.execute(() -> getPage(site.uri(page), Thread.currentThread().getName())));
            }
            double threaded = seconds(t1);
            System.out.printf("%d pages loaded in %.2f s%n", DELAYS.size(), threaded);

            LectureTable table = new LectureTable("Lesson 02 · 4 pages, sequential vs one thread per page",
                    "run", "s", scale)
                    .row("one after another", PYTHON_SEQUENTIAL, sequential)
                    .row("one thread per page", PYTHON_THREADED, threaded);
            table.printAndSave(Demo01_SequentialVsThreaded.class, "lesson-02-fetch");
            System.out.printf("speed-up: Python %.2fx, Java %.2fx (the delays alone give 1.52 / 0.42 = 3.62x;"
                    + " one after another, every request also pays its own connection set-up)%n",
                    PYTHON_SEQUENTIAL / PYTHON_THREADED, sequential / threaded);
        }
    }

    private static long delayOf(String path, double scale) {
        return Math.round(DELAYS.getOrDefault(path, 0.0) * 1000 / scale);
    }

    private static void getPage(URI page, String who) {
        String name = page.getPath().substring(1);
        System.out.printf("[%-7s] connecting %s...%n", who, name);
        try {
            String body = Http.get(page);
            System.out.printf("[%-7s] response from %s: %d bytes%n", who, name, body.length());
        } catch (Exception e) {
            System.out.printf("[%-7s] %s failed: %s%n", who, name, e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
