package course.lesson03;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Process identity and isolation: Java's {@code os.getpid()}, {@code os.getppid()}, and a child
 * process that proves processes share no memory.
 *
 * <p>{@link #currentPid()} and {@link #parentPid()} answer for whichever process calls them: run
 * in a child JVM, the same code names the child and its parent. {@link #appendInChild(int)} starts
 * such a child, a JVM running {@link ListAppender}, which appends to its own copy of
 * {@link ListAppender#NUMBERS}: the list of the calling JVM is never touched.
 *
 * <p>Sample usage:
 * <pre>{@code
 * ChildReport child = Isolation.appendInChild(10);
 * child.listSize();                 // 10: the child's list
 * ListAppender.NUMBERS.size();      // 0:  ours
 * child.parentPid() == Isolation.currentPid();   // true: we started it
 * }</pre>
 *
 * <p>Memory consistency effects: between processes there are none; each has its own heap. The
 * only data crossing over are the child's argument and the line it prints.
 */
public final class Isolation {
    private Isolation() {
    }

    /** This process's id: Java's {@code os.getpid()}. */
    public static long currentPid() {
        return ProcessHandle.current().pid();
    }

    /** The parent process's id: Java's {@code os.getppid()}; -1 if the OS does not tell. */
    public static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /**
     * Runs {@link ListAppender} in a child JVM that appends {@code times} elements to its own list.
     *
     * @param times how many elements the child appends
     * @return what the child reported about itself
     * @throws IllegalStateException if the child exits with a non-zero code or prints no report
     * @throws IOException           if the child cannot be started or its output read
     * @throws InterruptedException  if interrupted while waiting; the child is destroyed
     */
    public static ChildReport appendInChild(int times) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(JavaProcesses.command(ListAppender.class, Integer.toString(times)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String line;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                line = out.readLine();
            }
            int exit = child.waitFor();
            if (exit != 0 || line == null) {
                throw new IllegalStateException("ListAppender exited with code " + exit);
            }
            return ChildReport.parse(line);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
