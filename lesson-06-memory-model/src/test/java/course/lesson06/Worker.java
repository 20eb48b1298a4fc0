package course.lesson06;

import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread started by a test that carries its exception back to the test thread.
 * Not a test: a helper the lesson's tests share.
 */
final class Worker {

    /** Code a worker runs; may throw anything. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final Set<Thread.State> PARKED =
            EnumSet.of(Thread.State.BLOCKED, Thread.State.WAITING, Thread.State.TIMED_WAITING);

    final Thread thread;
    private final AtomicReference<Throwable> error = new AtomicReference<>();

    private Worker(String name, Body body) {
        this.thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                error.set(t);
            }
        }, name);
    }

    static Worker start(String name, Body body) {
        Worker worker = new Worker(name, body);
        worker.thread.start();
        return worker;
    }

    boolean finished() {
        return thread.getState() == Thread.State.TERMINATED;
    }

    /** True while the thread waits (for a lock or otherwise) somewhere inside {@code inside}. */
    boolean waitingIn(Class<?> inside) {
        if (!PARKED.contains(thread.getState())) {
            return false;
        }
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(inside.getName()));
    }

    /** Waits (up to the ceiling) for the thread to end, then rethrows what it threw. */
    void join(String whatItDoes) throws InterruptedException {
        thread.join(Delays.CEILING);
        if (thread.isAlive()) {
            fail("thread '%s' (%s) was still running %d s later; it is stuck at %s",
                    thread.getName(), whatItDoes, Delays.CEILING.toSeconds(), where());
        }
        rethrow();
    }

    /** Rethrows in the test thread whatever the worker threw, if anything. */
    void rethrow() {
        Throwable t = error.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new AssertionError("thread '" + thread.getName() + "' failed: " + t, t);
        }
    }

    String where() {
        StackTraceElement[] stack = thread.getStackTrace();
        return Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith("course.lesson06"))
                .findFirst()
                .or(() -> Arrays.stream(stack).findFirst())
                .map(StackTraceElement::toString)
                .orElse("(no stack)");
    }
}
