package course.lesson06;

/**
 * Exercise 3 · A worker that another thread can stop.
 *
 * <p>{@link #run()} runs the step over and over, on the thread that called it, until some
 * other thread calls {@link #stop()}. Keep the "stop requested" state in a field that
 * {@code run()} checks before every step.
 *
 * <p>The catch is visibility: {@code stop()} writes the field on one thread and {@code run()}
 * reads it on another. Without a happens-before edge between that write and those reads, the
 * Java Memory Model does not promise that the worker ever sees the write; the JIT may read the
 * field once, before the loop, and spin forever. Make sure the write is guaranteed to become
 * visible to the worker: any happens-before edge from {@code stop()}'s write to {@code run()}'s
 * reads will do. The test checks the behaviour that matters: a worker whose loop has been
 * compiled by the C2 JIT must still stop.
 *
 * <p>Rules: once stopped, a task stays stopped ({@code run()} after {@code stop()} runs no step);
 * the step in which {@code stop()} was called is the last one.
 */
public class RepeatingTask implements Runnable {

    private final Runnable step;

    /** @param step the work to repeat; runs on the thread that calls {@link #run()} */
    public RepeatingTask(Runnable step) {
        this.step = step;
    }

    /** Runs the step repeatedly until {@link #stop()} is called; returns after the last step. */
    @Override
    public void run() {
        throw new UnsupportedOperationException(
                "not implemented yet: RepeatingTask.run() — run step.run() in a loop until a stop flag is set");
    }

    /** Asks the loop to end; safe to call from any thread, any number of times. */
    public void stop() {
        throw new UnsupportedOperationException(
                "not implemented yet: RepeatingTask.stop() — set the stop flag so that the worker thread is sure to see it");
    }
}
