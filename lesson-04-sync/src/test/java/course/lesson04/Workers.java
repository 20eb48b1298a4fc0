package course.lesson04;

import course.grading.Delays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Named test threads whose results and exceptions come back to the test thread. Test support:
 * create one per test and call {@link #close()} after it (a JUnit {@code @AfterEach}).
 */
final class Workers implements AutoCloseable {
    private final List<Worker<?>> started = new ArrayList<>();

    /** Starts a daemon platform thread called {@code name} that runs {@code body}. */
    <T> Worker<T> start(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = Thread.ofPlatform().name(name).daemon(true).unstarted(task);
        Worker<T> worker = new Worker<>(thread, task);
        started.add(worker);
        thread.start();
        return worker;
    }

    /**
     * Interrupts every worker still running and gives it a moment to end. Never throws: if the
     * calling thread is interrupted meanwhile, it stops waiting and keeps its interrupt status set
     * (as {@link java.util.concurrent.ExecutorService#close()} does).
     */
    @Override
    public void close() {
        for (Worker<?> worker : started) {
            worker.thread().interrupt();
        }
        boolean interrupted = false;
        for (Worker<?> worker : started) {
            try {
                worker.thread().join(Delays.THREAD_EXIT.toMillis());
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A started test thread and what its body returned or threw. */
    record Worker<T>(Thread thread, FutureTask<T> task) {
        /** Whether the body has returned or thrown. */
        boolean isDone() {
            return task.isDone();
        }

        /** The body's result; rethrows what the body threw; fails if it runs past the ceiling. */
        T result() throws Exception {
            try {
                return task.get(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            } catch (TimeoutException e) {
                throw new AssertionError("thread '" + thread.getName() + "' did not finish within "
                        + Delays.CEILING.toSeconds() + " s; it is " + ThreadProbe.whereIs(thread));
            }
        }

        /** The exception the body threw, or {@code null} if it returned normally. */
        Throwable failure() {
            try {
                result();
                return null;
            } catch (Exception | Error e) {
                return e;
            }
        }
    }
}
