package course.lesson07;

import course.grading.Delays;
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
    private volatile Thread thread;
    /** {@code System.nanoTime()} when the interrupt ended the block; 0 while it has not. */
    volatile long interruptedAtNanos;

    Blocker(String name, Deadline deadline, CountDownLatch mayStop) {
        this.name = name;
        this.deadline = deadline;
        this.mayStop = mayStop;
    }

    /**
     * What became of the task, settled: a task whose interrupt has arrived but who has not woken up
     * to notice it yet counts as STOPPING; RUNNING means parked and never interrupted. (Between the
     * two, waking up, the thread runs: that moment is waited out, never guessed by time.)
     */
    Fate fate() {
        long giveUp = System.nanoTime() + Delays.CEILING.toNanos();
        while (true) {
            Fate now = fate.get();
            Thread t = thread;
            if (now != Fate.RUNNING || t == null) {
                return now;
            }
            if (t.isInterrupted()) {
                return Fate.STOPPING;
            }
            Thread.State state = t.getState();
            boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
            if (parked && fate.get() == Fate.RUNNING && !t.isInterrupted() || System.nanoTime() > giveUp) {
                return Fate.RUNNING;
            }
            Thread.onSpinWait();
        }
    }

    /** Blocks until interrupted (or the test's ceiling); then holds until the test lets it stop. */
    void block() throws InterruptedException {
        thread = Thread.currentThread();
        fate.set(Fate.RUNNING);
        started.countDown();
        try {
            deadline.await(new CountDownLatch(1));   // never opens: only an interrupt ends this early
            fate.set(Fate.RAN_INTO_CEILING);
        } catch (InterruptedException e) {
            interruptedAtNanos = System.nanoTime();
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
