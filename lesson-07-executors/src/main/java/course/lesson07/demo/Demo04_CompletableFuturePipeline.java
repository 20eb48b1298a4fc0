package course.lesson07.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Demo 4 · {@code CompletableFuture}: describe what happens to a result when it arrives instead
 * of blocking on {@code get()}. Two lookups run at once, their results are combined, a slow one
 * is given a deadline with a fallback, and a failure is turned into a value.
 *
 * <p>It also shows the one trap: {@code cancel(true)} on a {@code CompletableFuture} completes
 * the future but does <em>not</em> interrupt the thread running the work.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-07-executors -Dexec.mainClass=course.lesson07.demo.Demo04_CompletableFuturePipeline
 * </pre>
 */
public final class Demo04_CompletableFuturePipeline {

    static String slow(String what, Duration latency) {
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return what + " (interrupted)";
        }
        return what;
    }

    public static void main(String[] args) throws Exception {
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<String> owner = CompletableFuture.supplyAsync(() -> slow("owner=PSF", Duration.ofMillis(200)), io);
            CompletableFuture<String> expiry = CompletableFuture.supplyAsync(() -> slow("expires=2031", Duration.ofMillis(300)), io);
            String both = owner.thenCombine(expiry, (o, e) -> "python.org: " + o + ", " + e).join();
            System.out.println("thenCombine      -> " + both);

            String withDeadline = CompletableFuture.supplyAsync(() -> slow("price=12$", Duration.ofSeconds(3)), io)
                    .completeOnTimeout("price=unknown (timed out)", 300, TimeUnit.MILLISECONDS)
                    .join();
            System.out.println("completeOnTimeout-> " + withDeadline);

            String recovered = CompletableFuture.<String>supplyAsync(() -> {
                        throw new IllegalStateException("registry down");
                    }, io)
                    .exceptionally(e -> "fallback because " + e.getCause().getMessage())
                    .join();
            System.out.println("exceptionally    -> " + recovered);

            CountDownLatch finished = new CountDownLatch(1);
            CompletableFuture<String> doomed = CompletableFuture.supplyAsync(() -> {
                String r = slow("late work", Duration.ofMillis(500));
                finished.countDown();
                return r;
            }, io);
            doomed.cancel(true);
            finished.await();
            System.out.println("cancel(true)     -> future cancelled=" + doomed.isCancelled()
                    + ", but the work still ran to the end: CompletableFuture does not interrupt."
                    + " Use an ExecutorService's Future when you need interruption.");
        }
    }
}
