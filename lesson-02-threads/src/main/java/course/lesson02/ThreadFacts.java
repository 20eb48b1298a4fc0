package course.lesson02;

import java.util.List;
import java.util.Optional;

/**
 * Exercise 5 · Thread identity: names, ids, the daemon flag, the main thread, the live threads.
 *
 * <p>Every thread has a name (chosen by you, or {@code Thread-0}, {@code Thread-1} …), an id that
 * the JVM never reuses, a daemon flag and a state. {@code Thread.currentThread()} is the thread
 * running the code that asks. The JVM starts your program on a thread named {@code "main"}, and
 * runs threads of its own next to yours.
 *
 * <p>Write the four methods below; each is a few lines of the {@link Thread} API.
 */
public final class ThreadFacts {
    private ThreadFacts() {
    }

    /**
     * Starts {@code task} on a new platform thread with the given name and daemon flag.
     *
     * @return the started thread
     */
    public static Thread startNamed(String name, boolean daemon, Runnable task) {
        throw new UnsupportedOperationException(
                "not implemented yet: create a platform thread with this name and daemon flag, start it, return it");
    }

    /** Describes {@code thread} as it is now: name, id, daemon flag and state. */
    public static ThreadSnapshot describe(Thread thread) {
        throw new UnsupportedOperationException(
                "not implemented yet: read the thread's name, threadId(), daemon flag and state");
    }

    /**
     * The JVM's main thread: the thread named {@code "main"} that ran {@code main(String[])},
     * whichever thread asks.
     *
     * @return the main thread, or empty if it has already ended
     */
    public static Optional<Thread> mainThread() {
        throw new UnsupportedOperationException(
                "not implemented yet: find the live thread named \"main\" among all the JVM's threads");
    }

    /**
     * Every live platform thread of this JVM, in every thread group: yours, the test runner's and
     * the JVM's own. Its size is Java's answer to the lecture's {@code active_count()}.
     */
    public static List<Thread> liveThreads() {
        throw new UnsupportedOperationException(
                "not implemented yet: list every live thread of the JVM (hint: Thread.getAllStackTraces())");
    }
}
