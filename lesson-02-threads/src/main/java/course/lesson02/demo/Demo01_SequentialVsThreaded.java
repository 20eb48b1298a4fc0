package course.lesson02.demo;

import course.lesson02.support.Http;
import course.lesson02.support.SlowPageServer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's experiment: four pages fetched one after another, then by four threads at once.
 *
 * <p>The "internet" is a {@link SlowPageServer} on {@code 127.0.0.1} that takes a fixed time per
 * page (300 ms by default; pass another number of milliseconds as the first argument). Run:
 * <pre>
 * mvn -q compile exec:java -pl lesson-02-threads -Dexec.mainClass=course.lesson02.demo.Demo01_SequentialVsThreaded
 * mvn -q compile exec:java -pl lesson-02-threads -Dexec.mainClass=course.lesson02.demo.Demo01_SequentialVsThreaded -Dexec.args=1000
 * </pre>
 *
 * <p>Expect the sequential run to take about four delays and the threaded one about one: a
 * speed-up close to 4, a little less because creating and joining threads costs something and
 * the pages never take exactly the same time. Waiting for the network uses no processor, so this
 * holds even on a single core. This demo does its own threading and runs on the starter code.
 */
public final class Demo01_SequentialVsThreaded {
    private static final List<String> SITES = List.of("/example.com", "/example.net", "/example.org", "/example.edu");

    private static Thread mainThread;

    private Demo01_SequentialVsThreaded() {
    }

    public static void main(String[] args) throws Exception {
        Duration delay = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 300);
        try (SlowPageServer site = SlowPageServer.start(delay)) {
            List<URI> pages = SITES.stream().map(site::uri).toList();
            System.out.printf("Local site on %s, %d ms per page, %d cores%n%n",
                    site.uri("/"), delay.toMillis(), Runtime.getRuntime().availableProcessors());

            mainThread = Thread.currentThread();
            Http.get(site.uri("/warm-up"));   // load the HTTP classes first, so neither run pays for it

            System.out.println("-- one after another --");
            long t0 = System.nanoTime();
            for (URI page : pages) {
                getPage(page);
            }
            double sequential = seconds(t0);
            System.out.printf("%d pages loaded in %.2f s%n%n", pages.size(), sequential);

            System.out.println("-- one thread per page --");
            long t1 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (URI page : pages) {
                Thread thread = new Thread(() -> getPage(page), "fetch-" + threads.size());
                thread.start();         // start them all ...
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();          // ... then wait for them all
            }
            double threaded = seconds(t1);
            System.out.printf("%d pages loaded in %.2f s%n%n", pages.size(), threaded);

            System.out.println("| run         | time    |");
            System.out.println("|-------------|--------:|");
            System.out.printf("| sequential  | %5.2f s |%n", sequential);
            System.out.printf("| 4 threads   | %5.2f s |%n", threaded);
            System.out.printf("%nspeed-up: %.1fx (never exactly 4: pages differ, and threads cost a little)%n",
                    sequential / threaded);
        }
    }

    private static void getPage(URI page) {
        String name = page.getPath().substring(1);
        String me = Thread.currentThread() == mainThread ? "main" : Thread.currentThread().getName();
        System.out.printf("[%-7s] connecting %s...%n", me, name);
        try {
            String body = Http.get(page);
            System.out.printf("[%-7s] response from %s: %d bytes%n", me, name, body.length());
        } catch (Exception e) {
            System.out.printf("[%-7s] %s failed: %s%n", me, name, e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
