package course.lesson03;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A guard against fork bombs: a hard cap on the number of processes in a tree, enforced by
 * handing budgets down the tree, and a way to kill a whole tree so that no process survives.
 *
 * <p><b>The cap.</b> Every node of the tree is given a budget: how many processes its subtree may
 * hold, itself included. A node keeps one unit for itself and splits the rest, with
 * {@link #shares(int, int)}, among at most {@code fanout} children; each child gets its share as
 * its own budget. By induction a subtree never holds more processes than its budget, so the
 * whole tree never holds more than the root's budget, with no shared counter and no coordination
 * between processes.
 *
 * <p><b>The kill.</b> {@link #killTree(ProcessHandle, Duration)} collects the descendants
 * <em>before</em> destroying anything (a dead parent's children are re-parented and no longer
 * found among its descendants), destroys them deepest first so that every parent can still reap
 * its children, then the root, and waits for each to exit.
 *
 * <p>Sample usage:
 * <pre>{@code
 * ForkGuard.shares(5, 2);                    // [2, 2]: 1 + (1 + 1) + (1 + 1) = 5 processes
 * Process root = TreeNode.start(5, 2, traceDir);
 * // ... later
 * ForkGuard.killTree(root.toHandle(), Duration.ofSeconds(5));   // 5 processes gone
 * }</pre>
 *
 * <p>Memory consistency effects: none; the budget travels to each child as a command-line
 * argument, the only thing a parent process can hand to a new one.
 */
public final class ForkGuard {
    private ForkGuard() {
    }

    /**
     * Splits what is left of a node's budget among its children.
     *
     * @param budget how many processes this node's subtree may hold, the node included
     * @param fanout the most children a node may have
     * @return one share per child to start: each at least 1, together {@code budget - 1}, as even
     *         as possible, larger first; empty when {@code budget == 1}
     * @throws IllegalArgumentException if {@code budget < 1} or {@code fanout < 1}
     */
    public static int[] shares(int budget, int fanout) {
        if (budget < 1 || fanout < 1) {
            throw new IllegalArgumentException("need budget >= 1 and fanout >= 1, got budget=" + budget
                    + ", fanout=" + fanout);
        }
        int left = budget - 1;
        int children = Math.min(fanout, left);
        int[] shares = new int[children];
        for (int i = 0; i < children; i++) {
            shares[i] = left / children + (i < left % children ? 1 : 0);
        }
        return shares;
    }

    /**
     * Destroys {@code root} and all its descendants and waits until none of them is alive.
     *
     * @param root    the top of the tree
     * @param timeout the longest to wait for the processes to exit
     * @return how many processes were destroyed, {@code root} included
     * @throws IllegalStateException if some process was still alive when {@code timeout} ran out
     */
    public static int killTree(ProcessHandle root, Duration timeout) {
        // Collect first: once a parent is dead, its children no longer count as its descendants.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants()
                .sorted(Comparator.comparingInt(ForkGuard::depth).reversed())
                .toList());
        tree.add(root);
        int destroyed = 0;
        for (ProcessHandle handle : tree) {
            if (handle.destroyForcibly()) {
                destroyed++;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                survivors.add(handle.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the tree to die", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("still alive after " + timeout.toMillis() + " ms: " + survivors);
        }
        return destroyed;
    }

    private static int depth(ProcessHandle handle) {
        int depth = 0;
        for (var parent = handle.parent(); parent.isPresent(); parent = parent.get().parent()) {
            depth++;
        }
        return depth;
    }
}
