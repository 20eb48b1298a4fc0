package course.lesson02;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers about threads: who am I, who is {@code main}, who else is alive.
 *
 * <p>The Java names for the lecture's questions:
 * <table>
 *   <caption>Python's threading module and Java</caption>
 *   <tr><th>Python</th><th>Java</th></tr>
 *   <tr><td>{@code threading.current_thread()}</td><td>{@link Thread#currentThread()}</td></tr>
 *   <tr><td>{@code thread.name}</td><td>{@link Thread#getName()}</td></tr>
 *   <tr><td>{@code threading.get_native_id()}</td><td>{@link Thread#threadId()} (the JVM's id,
 *       not the operating system's)</td></tr>
 *   <tr><td>{@code threading.main_thread()}</td><td>{@link #mainThread()}</td></tr>
 *   <tr><td>{@code threading.active_count()}</td><td>{@code liveThreads().size()}</td></tr>
 * </table>
 *
 * <p>Sample usage:
 * <pre>{@code
 * Thread worker = ThreadFacts.startNamed("worker-1", true, () -> { });
 * System.out.println(ThreadFacts.describe(worker));        // ThreadSnapshot[name=worker-1, id=31, daemon=true, ...]
 * System.out.println(ThreadFacts.mainThread().orElseThrow().getName());   // main
 * ThreadFacts.liveThreads().forEach(t -> System.out.println(t.getName()));
 * }</pre>
 *
 * <p>Memory consistency effects: none beyond those of {@link Thread}: the answers are snapshots
 * that may be out of date as soon as they are returned.
 */
public final class ThreadFacts {
    private ThreadFacts() {
    }

    /**
     * Starts {@code task} on a new platform thread with the given name and daemon flag. The flag
     * is always set explicitly: a new thread would otherwise inherit its creator's.
     *
     * @return the started thread
     */
    public static Thread startNamed(String name, boolean daemon, Runnable task) {
        return Thread.ofPlatform().name(name).daemon(daemon).start(task);
    }

    /** Describes {@code thread} as it is now: name, id, daemon flag and state. */
    public static ThreadSnapshot describe(Thread thread) {
        return new ThreadSnapshot(thread.getName(), thread.threadId(), thread.isDaemon(), thread.getState());
    }

    /**
     * The JVM's main thread: the live thread named {@code "main"}, whichever thread asks. Java has
     * no direct call for it; {@code Thread.currentThread()} is the main thread only when called
     * from it.
     *
     * @return the main thread, or empty if it has already ended
     */
    public static Optional<Thread> mainThread() {
        return liveThreads().stream().filter(t -> t.getName().equals("main")).findFirst();
    }

    /**
     * Every live platform thread of this JVM, in every thread group, ordered by id.
     * ({@link Thread#activeCount()} only estimates the threads of the caller's own group.)
     */
    public static List<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .sorted(Comparator.comparingLong(Thread::threadId))
                .toList();
    }
}
