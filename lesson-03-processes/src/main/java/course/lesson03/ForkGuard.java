package course.lesson03;

import java.time.Duration;

/**
 * Exercise 4 · A fork-bomb guard: a hard cap on the size of a process tree, and a clean kill.
 *
 * <p>A fork bomb is a program that keeps starting copies of itself, each of which does the same,
 * until the OS runs out of process slots. {@link TreeNode} is a Java fork bomb on a budget: every
 * node asks {@link #shares(int, int)} how many processes each of its children may have in its own
 * subtree. Handing down <em>shares of what is left</em> (never the whole budget again) makes the
 * cap hard: the tree can never hold more processes than the root's budget.
 *
 * <p>What to build:
 * <ul>
 *   <li>{@link #shares(int, int)}: split {@code budget - 1} (the node itself takes one) into at
 *       most {@code fanout} shares of at least 1, as even as possible, larger shares first.
 *       Examples: {@code shares(5, 2) = [2, 2]}, {@code shares(4, 2) = [2, 1]},
 *       {@code shares(3, 5) = [1, 1]}, {@code shares(1, 3) = []}.</li>
 *   <li>{@link #killTree(ProcessHandle, Duration)}: destroy {@code root} and every descendant so
 *       that none is alive when the method returns. Careful: once a parent dies, its children
 *       are re-parented and vanish from its {@code descendants()}.</li>
 * </ul>
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
        throw new UnsupportedOperationException(
                "not implemented yet: split budget - 1 into at most fanout shares >= 1, as even as possible, larger first");
    }

    /**
     * Destroys {@code root} and all its descendants and waits until none of them is alive.
     *
     * @param timeout the longest to wait for the processes to exit
     * @return how many processes were destroyed, {@code root} included
     * @throws IllegalStateException if some process was still alive when {@code timeout} ran out
     */
    public static int killTree(ProcessHandle root, Duration timeout) {
        throw new UnsupportedOperationException(
                "not implemented yet: collect root.descendants() first, destroy them deepest first, then root; wait for each");
    }
}
