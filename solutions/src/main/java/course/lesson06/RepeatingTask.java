package course.lesson06;

/**
 * A task that runs a step over and over until another thread stops it.
 *
 * <p>{@link #run()} checks a {@code volatile} stop flag before every step; {@link #stop()} sets
 * it. The volatile write in {@code stop()} happens-before every later read of the flag, so the
 * worker sees it on its next check and returns after the step in progress. Once stopped, the
 * task stays stopped.
 *
 * <pre>{@code
 * RepeatingTask poller = new RepeatingTask(() -> inbox.poll());
 * Thread worker = Thread.ofPlatform().name("poller").start(poller);
 * ...
 * poller.stop();
 * worker.join();
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code stop()}
 * happen-before the worker's return from {@code run()}.
 */
public class RepeatingTask implements Runnable {

    private final Runnable step;
    private volatile boolean stopped;

    /** @param step the work to repeat; runs on the thread that calls {@link #run()} */
    public RepeatingTask(Runnable step) {
        this.step = step;
    }

    /** Runs the step repeatedly until {@link #stop()} is called; returns after the last step. */
    @Override
    public void run() {
        while (!stopped) {
            step.run();
        }
    }

    /** Asks the loop to end; safe to call from any thread, any number of times. */
    public void stop() {
        stopped = true;
    }
}
