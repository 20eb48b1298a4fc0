package course.lesson03;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The child program of exercise 4: a fork bomb on a budget.
 *
 * <pre>
 *   java … course.lesson03.TreeNode BUDGET FANOUT TRACE_DIR
 * </pre>
 *
 * <p>A real fork bomb ({@code while True: os.fork()}) copies itself until the machine has no
 * process slots left. This node does the Java version of that, starting new JVMs that run this
 * same class, but it never decides alone how many: it asks {@link ForkGuard#shares(int, int)}
 * how to split what is left of its budget among at most {@code FANOUT} children, gives each child
 * its share as that child's budget, and starts one child per share. A node with budget 1 starts
 * nobody. If the shares add up to {@code BUDGET - 1}, the whole tree holds exactly the root's
 * budget of processes, however deep it grows.
 *
 * <p>Each node then stays alive for {@link #LIFETIME} (so the whole tree exists at once) unless it
 * is killed first. It writes into {@code TRACE_DIR}: {@code <pid>.node} when it starts
 * ({@code pid= parent= budget=}) and {@code <pid>.done} once its children are started
 * ({@code children=}). Those files are how tests and demos see the tree.
 *
 * <p>Two safety nets in case the guard is wrong: a node stops creating children once
 * {@link #SAFETY_LIMIT} nodes have appeared in {@code TRACE_DIR}, and a node whose parent has died
 * creates no children.
 *
 * <p>Support code: you use it, you do not edit it.
 */
public final class TreeNode {
    /** How long a node lives if nobody kills it. */
    public static final Duration LIFETIME = Duration.ofSeconds(20);

    /** However wrong the budget split, no tree traced in one folder grows much beyond this. */
    public static final int SAFETY_LIMIT = 16;

    private TreeNode() {
    }

    /** Starts the root of a tree: a child JVM of this process running {@code TreeNode}. */
    public static Process start(int budget, int fanout, Path traceDir) throws IOException {
        return new ProcessBuilder(JavaProcesses.command(TreeNode.class,
                Integer.toString(budget), Integer.toString(fanout), traceDir.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    public static void main(String[] args) throws Exception {
        int budget = Integer.parseInt(args[0]);
        int fanout = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        ProcessHandle me = ProcessHandle.current();
        long parentPid = me.parent().map(ProcessHandle::pid).orElse(-1L);
        write(dir, me.pid() + ".node", "pid=" + me.pid() + " parent=" + parentPid + " budget=" + budget);

        int started = 0;
        String note = "";
        try {
            int[] shares = ForkGuard.shares(budget, fanout);
            for (int share : shares) {
                if (nodesIn(dir) >= SAFETY_LIMIT) {
                    note = " stopped=safety-limit";
                    break;
                }
                if (!parentAlive(parentPid)) {
                    note = " stopped=parent-died";
                    break;
                }
                start(share, fanout, dir);
                started++;
            }
        } catch (RuntimeException e) {
            note = " error=" + e.getClass().getSimpleName();
            System.err.println("TreeNode " + me.pid() + ": " + e);
        }
        write(dir, me.pid() + ".done", "children=" + started + note);
        Thread.sleep(LIFETIME);
    }

    private static boolean parentAlive(long parentPid) {
        return ProcessHandle.current().parent().map(p -> p.pid() == parentPid && p.isAlive()).orElse(false);
    }

    private static long nodesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".node")).count();
        }
    }

    private static void write(Path dir, String name, String line) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, line + "\n");
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
