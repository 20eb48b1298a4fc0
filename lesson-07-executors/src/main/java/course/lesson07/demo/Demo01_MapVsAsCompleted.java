package course.lesson07.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Demo 1 · The lecture's domain check, twice: results in input order ({@code map}) and in
 * completion order ({@code as_completed} with a future → domain map).
 *
 * <p>The "registry" is simulated: each lookup sleeps for a made-up network latency and a
 * domain is "free" when its TLD is unusual. No network is used. Runs on the starter code.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-07-executors -Dexec.mainClass=course.lesson07.demo.Demo01_MapVsAsCompleted
 * </pre>
 */
public final class Demo01_MapVsAsCompleted {

    static final List<String> TLDS = List.of(".org", ".com", ".ru", ".zip", ".net", ".ninja", ".io", ".xyz");

    /** Pretends to ask DNS: slow for some names, fast for others. */
    static boolean isFree(String domain) throws InterruptedException {
        long latency = 50 + Math.floorMod(domain.hashCode(), 7) * 60L;
        Thread.sleep(latency);
        return !List.of("org", "com", "ru", "net", "io").contains(domain.substring(domain.indexOf('.') + 1));
    }

    public static void main(String[] args) throws Exception {
        List<String> domains = TLDS.stream().map(tld -> "python" + tld).toList();
        long start = System.nanoTime();

        System.out.println("1) map: submit all, then get() in input order");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (String d : domains) {
                futures.add(pool.submit(() -> isFree(d)));
            }
            for (int i = 0; i < domains.size(); i++) {
                boolean free = futures.get(i).get();     // may wait for a slow one while fast ones are done
                System.out.printf("   %-14s free=%-5s at %4d ms%n", domains.get(i), free, ms(start));
            }
        }

        start = System.nanoTime();
        System.out.println("2) as completed: ExecutorCompletionService + Map<Future, domain>");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CompletionService<Boolean> completion = new ExecutorCompletionService<>(pool);
            Map<Future<Boolean>, String> domainOf = new HashMap<>();
            for (String d : domains) {
                domainOf.put(completion.submit(() -> isFree(d)), d);
            }
            for (int i = 0; i < domains.size(); i++) {
                Future<Boolean> done = completion.take(); // whichever finished next
                System.out.printf("   %-14s free=%-5s at %4d ms%n", domainOf.get(done), done.get(), ms(start));
            }
        }
        System.out.println("Same answers, same total time; the second list reports each domain as soon as it is known.");
    }

    static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
