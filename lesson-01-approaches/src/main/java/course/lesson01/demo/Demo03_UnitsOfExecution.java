package course.lesson01.demo;

import course.lesson01.ChildJvm;
import course.lesson01.UnitReport;
import course.lesson01.WhoAmI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Demo 3 · The units of execution side by side: the main thread, a platform thread, a virtual
 * thread and a child process report who they are; then ten thousand virtual threads wait at once.
 *
 * <p>Run: {@code ./mvnw -q compile exec:java -pl lesson-01-approaches -Dexec.mainClass=course.lesson01.demo.Demo03_UnitsOfExecution}
 *
 * <p>Typical output (pids differ):
 * <pre>
 * unit=main_thread     pid=5120 parentPid=5031 thread=main virtual=false daemon=false
 * unit=platform_thread pid=5120 parentPid=5031 thread=worker virtual=false daemon=false
 * unit=virtual_thread  pid=5120 parentPid=5031 thread=fiber virtual=true daemon=true
 * unit=process         pid=5188 parentPid=5120 thread=main virtual=false daemon=false
 * 10000 virtual threads slept 1 s each, together, in 1093 ms
 * </pre>
 * Note how the threads share the pid of this JVM while the child has its own, and this JVM is
 * its parent. (Under {@code exec:java} the "main" thread is Maven's, so its name may differ.)
 */
public final class Demo03_UnitsOfExecution {
    private Demo03_UnitsOfExecution() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(UnitReport.ofCurrentThread("main thread").format());

        // Each unit reports itself: a task handed to an executor with one platform thread, then to
        // one with a virtual thread per task; the child JVM prints straight to our terminal.
        try (ExecutorService platform = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("worker").factory());
             ExecutorService virtual = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fiber").factory())) {
            System.out.println(CompletableFuture.supplyAsync(() -> UnitReport.ofCurrentThread("platform thread"), platform)
                    .join().format());
            System.out.println(CompletableFuture.supplyAsync(() -> UnitReport.ofCurrentThread("virtual thread"), virtual)
                    .join().format());
        }

        System.out.flush();
        Process child = new ProcessBuilder(ChildJvm.command(WhoAmI.class)).inheritIO().start();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }

        long start = System.nanoTime();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 10_000).forEach(i -> perTask.submit(() -> {
                Thread.sleep(Duration.ofSeconds(1));
                return i;
            }));
        }
        System.out.printf("10000 virtual threads slept 1 s each, together, in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
