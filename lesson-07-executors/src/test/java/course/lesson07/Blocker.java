package course.lesson07;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of a task that blocks until it is interrupted and records what became of it. Once
 * interrupted it does not end at once: it holds on ("stopping") until the test opens
 * {@code mayStop}. The test opens it only after it has seen the method under test still inside,
 * waiting for the task; a method that returns without waiting is caught every time, not only when
 * the task happens to be slow.
 */
final class Blocker {
    /** What became of the task. */
    enum Fate { NOT_STARTED, RUNNING, STOPPING, STOPPED, RAN_INTO_CEILING }

    final String name;
    final AtomicReference<Fate> fate = new AtomicReference<>(Fate.NOT_STARTED);
    private final Deadline deadline;
    private final CountDownLatch mayStop;
    /** Opens when the task has started blocking. */
    final CountDownLatch started = new CountDownLatch(1);

    Blocker(String name, Deadline deadline, CountDownLatch mayStop) {
        this.name = name;
        this.deadline = deadline;
        this.mayStop = mayStop;
    }

    Fate fate() {
        return fate.get();
    }

    /** Blocks until interrupted (or the test's ceiling); then holds until the test lets it stop. */
    void block() throws InterruptedException {
        fate.set(Fate.RUNNING);
        started.countDown();
        try {
            deadline.await(new CountDownLatch(1));   // never opens: only an interrupt ends this early
            fate.set(Fate.RAN_INTO_CEILING);
        } catch (InterruptedException e) {
            fate.set(Fate.STOPPING);
            boolean again = false;
            while (true) {
                try {
                    deadline.await(mayStop);
                    break;
                } catch (InterruptedException more) {
                    again = true;    // shutdownNow() after cancel(true): still stopping
                }
            }
            fate.set(Fate.STOPPED);
            if (again) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
