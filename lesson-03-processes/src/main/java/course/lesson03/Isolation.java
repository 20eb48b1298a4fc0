package course.lesson03;

/**
 * Exercise 2 · Who am I, who is my parent, and what do processes share? Nothing.
 *
 * <p>Python's {@code os.getpid()} and {@code os.getppid()} have Java counterparts in
 * {@link ProcessHandle}. And the lecture's experiment, ten processes appending to a global list
 * that stays empty in the parent, has one too: a child JVM running {@link ListAppender}.
 *
 * <p>What to build:
 * <ul>
 *   <li>{@link #currentPid()}: this process's id ({@code os.getpid()}).</li>
 *   <li>{@link #parentPid()}: the parent process's id ({@code os.getppid()}), or -1 if the OS
 *       does not say.</li>
 *   <li>{@link #appendInChild(int)}: start a child JVM running {@link ListAppender} with
 *       {@code times} as its argument ({@code JavaProcesses.command(...)} builds the argument
 *       list), read the one line it prints, wait for it to exit, check the exit code is 0, and
 *       return the parsed line ({@link ChildReport#parse(String)}).</li>
 * </ul>
 * The child appends to <em>its</em> {@link ListAppender#NUMBERS}; this JVM's list must stay empty.
 */
public final class Isolation {
    private Isolation() {
    }

    /** This process's id: Java's {@code os.getpid()}. */
    public static long currentPid() {
        throw new UnsupportedOperationException("not implemented yet: return this process's pid (see ProcessHandle)");
    }

    /** The parent process's id: Java's {@code os.getppid()}; -1 if the OS does not tell. */
    public static long parentPid() {
        throw new UnsupportedOperationException("not implemented yet: return the parent process's pid, or -1 if unknown");
    }

    /**
     * Runs {@link ListAppender} in a child JVM that appends {@code times} elements to its own list.
     *
     * @return what the child reported about itself
     * @throws IllegalStateException if the child exits with a non-zero code
     */
    public static ChildReport appendInChild(int times) throws java.io.IOException, InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: start a child JVM running ListAppender, read its line, wait for it, parse it");
    }
}
