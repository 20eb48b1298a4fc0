package course.grading;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The grader's part in every test, loaded for all lessons through JUnit's extension
 * auto-detection (see {@code junit-platform.properties}).
 *
 * <ul>
 *   <li>A test that runs past its timeout fails with "timed out after N s", where the threads
 *       running course code were stuck, and the deadlock cycle if there is one.</li>
 *   <li>A test that leaves threads running fails with their names and where they are, unless the
 *       test or its class is annotated {@link AllowThreads}.</li>
 *   <li>A test whose code tried to reach the network beyond loopback fails with that message,
 *       even if the code caught the exception ({@link NetworkGuard}).</li>
 * </ul>
 */
public final class GradingExtension
        implements BeforeEachCallback, AfterEachCallback, PreInterruptCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);
    private static final String THREADS_BEFORE = "threads-before";
    private static final String VIRTUAL_BEFORE = "virtual-threads-before";
    private static final String STUCK_SNAPSHOT = "stuck-snapshot";

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<Thread> live = new HashSet<>(ThreadReport.liveThreads());
        context.getStore(NAMESPACE).put(THREADS_BEFORE, live);
        context.getStore(NAMESPACE).put(VIRTUAL_BEFORE, VirtualThreads.used(live) ? VirtualThreads.alive().keySet() : Set.of());
    }

    /**
     * JUnit calls this right before it interrupts a timed-out test: the last moment the stuck
     * code is still where it got stuck. The report feeds the message, never the verdict.
     */
    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext context) {
        context.getStore(NAMESPACE).put(STUCK_SNAPSHOT, stuckReport());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String network = NetworkGuard.takeViolation();
        if (network != null) {
            throw new AssertionError(network, thrown);
        }
        if (thrown instanceof TimeoutException && String.valueOf(thrown.getMessage()).contains("timed out after")) {
            String stuck = context.getStore(NAMESPACE).get(STUCK_SNAPSHOT, String.class);
            throw timeout(thrown, stuck == null ? stuckReport() : stuck);
        }
        throw thrown;
    }

    static GradingTimeoutError timeout(Throwable junitTimeout, String stuck) {
        String junitMessage = String.valueOf(junitTimeout.getMessage());
        String after = junitMessage.substring(junitMessage.indexOf("timed out after"));
        return new GradingTimeoutError(after
                + ": the code never finished (an endless loop, a wait nobody ends, or a deadlock).\n" + stuck, null);
    }

    /** Any deadlock cycle, then where every thread running course code is. */
    static String stuckReport() {
        StringBuilder message = new StringBuilder();
        Deadlocks.describe().ifPresent(cycle -> message.append(cycle)
                .append("\nLikely mistake: two threads take the same locks in different orders.\n"));
        message.append("Where the threads were:\n").append(ThreadReport.whereThreadsAre());
        return message.toString().stripTrailing();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String network = NetworkGuard.takeViolation();
        if (network != null && context.getExecutionException().isEmpty()) {
            throw new AssertionError(network);
        }
        if (context.getExecutionException().isPresent() || leaksAllowed(context)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Thread> before = context.getStore(NAMESPACE).get(THREADS_BEFORE, Set.class);
        if (before == null) {
            return;
        }
        List<Thread> leaked = newThreads(before);
        long deadline = System.nanoTime() + Delays.THREAD_EXIT.toNanos();
        // Threads that were told to stop may need a moment to run to their end.
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            try {
                leaked.get(0).join(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            leaked = newThreads(before);
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError(leakMessage(leaked));
        }
        List<String> leakedVirtual = newVirtualThreads(context, deadline);
        if (!leakedVirtual.isEmpty()) {
            throw new AssertionError("left " + leakedVirtual.size() + " thread(s) running after the test: "
                    + String.join(", ", leakedVirtual) + ". Every thread you start must have finished when your"
                    + " method returns: close the executor (try-with-resources), or join every thread.");
        }
    }

    /** Virtual threads started during the test and still alive when the grace period ends. */
    @SuppressWarnings("unchecked")
    private static List<String> newVirtualThreads(ExtensionContext context, long deadline) {
        if (!VirtualThreads.used(ThreadReport.liveThreads())) {
            return List.of();
        }
        Set<String> before = context.getStore(NAMESPACE).getOrDefault(VIRTUAL_BEFORE, Set.class, Set.of());
        while (true) {
            var alive = new java.util.TreeMap<>(VirtualThreads.alive());
            alive.keySet().removeAll(before);
            if (alive.isEmpty() || System.nanoTime() >= deadline) {
                return List.copyOf(alive.values());
            }
            try {
                Thread.sleep(20); // a poll while threads that were told to stop run to their end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.copyOf(alive.values());
            }
        }
    }

    private static boolean leaksAllowed(ExtensionContext context) {
        if (context.getTestMethod().map(m -> m.isAnnotationPresent(AllowThreads.class)).orElse(false)) {
            return true;
        }
        // The test class, and the classes around a @Nested one.
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().map(type -> type.isAnnotationPresent(AllowThreads.class)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        return ThreadReport.liveThreads().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !ThreadReport.isHarnessThread(t))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    static String leakMessage(List<Thread> leaked) {
        String names = leaked.stream()
                .map(t -> "'" + t.getName() + "' (" + t.getState() + " at " + ThreadReport.firstCourseFrame(t.getStackTrace()) + ")")
                .collect(Collectors.joining(", "));
        return "left " + leaked.size() + " thread(s) running after the test: " + names
                + ". Every thread you start must have finished when your method returns:"
                + " join it, shut down and close every executor, stop workers with a poison pill or an interrupt.";
    }
}
