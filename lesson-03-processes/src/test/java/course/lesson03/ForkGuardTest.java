package course.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Delays;
import course.grading.Points;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Exercise 4 · A fork-bomb guard: capped process tree, clean kill")
@ExtendWith(ChildProcesses.class)
class ForkGuardTest {
    /**
     * The longest a growing tree may go without a sign of progress (a new node, or a node that has
     * started all its children): one JVM start-up, which on a busy machine may take a while. The
     * whole tree may take one such step per level; the tests' own timeouts bound the total.
     */
    private static final Duration TREE_CEILING = Delays.CEILING.multipliedBy(3);

    private final long me = ProcessHandle.current().pid();

    @ParameterizedTest(name = "shares(budget {0}, fanout {1}) = [{2}]")
    @Points(3)
    @DisplayName("splits what is left of the budget as evenly as possible, larger shares first")
    @CsvSource(delimiter = ';', value = {
        "5; 2; 2,2",
        "4; 2; 2,1",
        "3; 5; 1,1",
        "1; 3; ''",
        "8; 3; 3,2,2",
        "11; 4; 3,3,2,2",
        "6; 1; 5",
        "2; 2; 1",
    })
    void splitsTheBudget(int budget, int fanout, String expectedText) {
        int[] expected = expectedText.isBlank() ? new int[0]
                : Arrays.stream(expectedText.split(",")).mapToInt(Integer::parseInt).toArray();
        int[] shares = ForkGuard.shares(budget, fanout);
        String call = "shares(" + budget + ", " + fanout + ") = " + Arrays.toString(shares);
        int sum = IntStream.of(shares).sum();

        assertThat(sum)
                .withFailMessage("%s adds up to %d, but only %d processes are left once the node counts itself:"
                        + " a child must get a share of what is left, never the whole budget again (that is"
                        + " exactly how a fork bomb grows)", call, sum, budget - 1)
                .isLessThanOrEqualTo(budget - 1);
        assertThat(IntStream.of(shares).allMatch(s -> s >= 1))
                .withFailMessage("%s contains a share below 1: a child's budget must hold at least the child"
                        + " itself", call)
                .isTrue();
        assertThat(shares.length)
                .withFailMessage("%s starts %d children, but a node may have at most %d", call, shares.length, fanout)
                .isLessThanOrEqualTo(fanout);
        assertThat(sum)
                .withFailMessage("%s hands out only %d of the %d processes left: the cap must be reachable"
                        + " exactly, so hand out all of budget - 1 (the remainder of the division too)",
                        call, sum, budget - 1)
                .isEqualTo(budget - 1);
        assertThat(shares)
                .withFailMessage("%s: expected %s, as even as possible (sizes differ by at most 1) with the"
                        + " larger shares first, using min(fanout, budget - 1) children",
                        call, Arrays.toString(expected))
                .containsExactly(expected);
    }

    @Test
    @Points(1)
    @DisplayName("rejects a budget or a fanout below 1")
    void rejectsNonsense() {
        assertRejects("shares(0, 2)", "a budget of 0 leaves no room for the node itself", () -> ForkGuard.shares(0, 2));
        assertRejects("shares(5, 0)", "a node with a fanout of 0 could never start a child",
                () -> ForkGuard.shares(5, 0));
    }

    private static void assertRejects(String call, String why, ThrowingCallable code) {
        Throwable thrown = catchThrowable(code);
        assertThat(thrown)
                .withFailMessage("%s must throw IllegalArgumentException (%s), but it %s", call, why,
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One TreeNode process, from its trace files. */
    record Node(long pid, long parent, int budget, Integer children, String note) {
    }

    private static Map<Long, Node> readTree(Path dir) {
        Map<Long, Node> nodes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".node")).toList()) {
                Map<String, String> kv = keyValues(file);
                long pid = Long.parseLong(kv.get("pid"));
                Path done = dir.resolve(pid + ".done");
                Integer children = null;
                String note = "";
                if (Files.exists(done)) {
                    Map<String, String> d = keyValues(done);
                    children = Integer.parseInt(d.get("children"));
                    note = d.getOrDefault("error", d.getOrDefault("stopped", ""));
                }
                nodes.put(pid, new Node(pid, Long.parseLong(kv.get("parent")),
                        Integer.parseInt(kv.get("budget")), children, note));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes;
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> kv = new HashMap<>();
        for (String part : Files.readString(file).trim().split("\\s+")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) {
                kv.put(pair[0], pair[1]);
            }
        }
        return kv;
    }

    /** Grown: every node has started all its children and every child has shown up. */
    private static boolean complete(Map<Long, Node> tree) {
        if (tree.isEmpty() || tree.values().stream().anyMatch(n -> n.children() == null)) {
            return false;
        }
        return 1 + tree.values().stream().mapToInt(Node::children).sum() == tree.size();
    }

    /**
     * Starts a tree and waits until it has finished growing, or has grown past {@code cap} (then
     * it fails at once). Every node is tracked so that it is destroyed after the test.
     */
    private Map<Long, Node> growTree(Path dir, int budget, int fanout, int cap) throws Exception {
        Process root = TreeNode.start(budget, fanout, dir);
        ChildProcesses.track(root.pid());
        return awaitComplete(dir, root, tree -> {
            if (tree.size() > cap) {
                ChildProcesses.killAll();
                fail("the tree grew to " + tree.size() + " processes although its budget was " + cap
                        + ": this is how a fork bomb starts. Each child must get a share of budget - 1,"
                        + " and the shares together must not exceed it");
            }
        });
    }

    @Test
    @Points(4)
    @Timeout(60)
    @DisplayName("a fork bomb with a budget of 4 grows to exactly 4 processes, all alive at once")
    void bombStopsExactlyAtTheCap(@TempDir Path dir) throws Exception {
        ForkGuard.shares(4, 2); // fails fast while shares() is not written yet
        try {
            Map<Long, Node> tree = growTree(dir, 4, 2, 4);

            List<String> errors = tree.values().stream().filter(n -> !n.note().isEmpty())
                    .map(n -> "node " + n.pid() + ": " + n.note()).toList();
            assertThat(errors).withFailMessage("some nodes could not split their budget: %s", errors).isEmpty();
            assertThat(tree)
                    .withFailMessage("the tree stopped at %d processes, but a budget of 4 allows exactly 4: the"
                            + " shares must hand out all of budget - 1", tree.size())
                    .hasSize(4);
            for (Node node : tree.values()) {
                assertThat(node.parent() == me || tree.containsKey(node.parent()))
                        .withFailMessage("node %d's parent %d is neither the test JVM nor a node of the tree",
                                node.pid(), node.parent())
                        .isTrue();
            }
            assertThat(ChildProcesses.alive(tree.keySet()))
                    .withFailMessage("only %s of the tree's processes %s were alive at once",
                            ChildProcesses.alive(tree.keySet()), tree.keySet())
                    .hasSize(4);
            assertThat(ProcessHandle.current().descendants().count())
                    .withFailMessage("the test JVM has %d descendants, but the tree holds 4",
                            ProcessHandle.current().descendants().count())
                    .isEqualTo(4);
        } finally {
            ChildProcesses.killAll();
        }
    }

    @Test
    @Points(3)
    @Timeout(60)
    @DisplayName("killTree leaves no process of a three-level tree alive")
    void killTreeLeavesNothingBehind(@TempDir Path dir) throws Exception {
        ForkGuard.shares(3, 1); // fails fast while shares() is not written yet
        try {
            Process root = TreeNode.start(3, 1, dir);
            ChildProcesses.track(root.pid());
            Map<Long, Node> tree = awaitChain(dir, root, 3);

            var outcome = ChildProcesses.within(Delays.CEILING.plusSeconds(2),
                    "killTree did not return: do you wait for a process you never destroyed?",
                    () -> ForkGuard.killTree(new DiesAtOnce(root.toHandle()), Delays.CEILING));
            int destroyed = outcome.get();

            List<Long> survivors = ChildProcesses.alive(tree.keySet());
            survivors.remove(root.pid());
            assertThat(root.isAlive())
                    .withFailMessage("the root %d is still alive after killTree returned: destroy it and wait for"
                            + " its exit (onExit())", root.pid())
                    .isFalse();
            assertThat(survivors)
                    .withFailMessage("after killTree returned, %d processes of the tree were still alive: %s."
                            + " Destroying a parent does not destroy its children, and once the parent is dead"
                            + " they are no longer its descendants: collect root.descendants() (not only"
                            + " children()) before destroying anything, then wait for each to exit",
                            survivors.size(), survivors)
                    .isEmpty();
            assertThat(destroyed)
                    .withFailMessage("killTree returned %d, but it destroyed a tree of 3 processes", destroyed)
                    .isEqualTo(3);
        } finally {
            ChildProcesses.killAll();
        }
    }

    @Test
    @Points(1)
    @DisplayName("killTree keeps to its timeout: a process that does not die makes it throw IllegalStateException")
    void killTreeGivesUpAfterItsTimeout() {
        // The test's own handles, not OS processes (their pids are above any pid_max): the root dies
        // when destroyed, its child never does, however it is destroyed.
        FakeProcess root = new FakeProcess(4_000_000_001L, null, true);
        FakeProcess undying = new FakeProcess(4_000_000_002L, root, false);
        Duration timeout = Duration.ofMillis(300);
        try {
            var outcome = ChildProcesses.within(Delays.CEILING.plus(timeout),
                    "killTree(root, 300 ms) did not return although its timeout was 300 ms: process "
                            + undying.pid() + " of the tree never exits. Wait for each process only as long as the"
                            + " timeout leaves (onExit().get(left, unit), not get() or join() without a limit),"
                            + " then throw IllegalStateException",
                    () -> ForkGuard.killTree(root, timeout));
            if (outcome.thrown() instanceof UnsupportedOperationException) {
                outcome.get();
            }
            assertThat(undying.destroyed)
                    .withFailMessage("killTree never destroyed process %d, the root's child: collect"
                            + " root.descendants() and destroy each of them", undying.pid())
                    .isTrue();
            assertThat(outcome.thrown())
                    .withFailMessage("process %d was still alive when the 300 ms timeout ran out, but killTree %s:"
                            + " when a process survives the timeout, throw IllegalStateException naming it (do not"
                            + " ignore the TimeoutException, and do not return before you have seen every process"
                            + " exit)", undying.pid(),
                            outcome.thrown() == null ? "returned " + outcome.value() : "threw " + outcome.thrown())
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            undying.exit.complete(undying);   // frees a killTree still waiting for it
        }
    }

    /**
     * A process handle of the test's own, not an OS process: destroying it is recorded, and it exits
     * (its {@link #onExit()} completes) only if it {@code dies}.
     */
    private static final class FakeProcess implements ProcessHandle {
        private final long pid;
        private final FakeProcess parent;
        private final boolean dies;
        private final List<FakeProcess> children = new CopyOnWriteArrayList<>();
        private static final Instant STARTED = Instant.now().minusSeconds(60);
        final CompletableFuture<ProcessHandle> exit = new CompletableFuture<>();
        volatile boolean destroyed;

        FakeProcess(long pid, FakeProcess parent, boolean dies) {
            this.pid = pid;
            this.parent = parent;
            this.dies = dies;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        private boolean kill() {
            destroyed = true;
            if (dies) {
                exit.complete(this);
            }
            return true;
        }

        @Override public long pid() { return pid; }
        @Override public Optional<ProcessHandle> parent() { return Optional.ofNullable(parent); }
        @Override public Stream<ProcessHandle> children() { return children.stream().map(ProcessHandle.class::cast); }
        @Override public Stream<ProcessHandle> descendants() {
            return children.stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
        }
        @Override public Info info() {
            // Plausible answers (a child starts after its parent), for code that looks at them.
            Instant started = STARTED.plusSeconds(parent == null ? 0 : 1);
            return new Info() {
                @Override public Optional<String> command() { return Optional.of("/bin/sleep"); }
                @Override public Optional<String> commandLine() { return Optional.of("/bin/sleep 3600"); }
                @Override public Optional<String[]> arguments() { return Optional.of(new String[] {"3600"}); }
                @Override public Optional<Instant> startInstant() { return Optional.of(started); }
                @Override public Optional<Duration> totalCpuDuration() { return Optional.of(Duration.ZERO); }
                @Override public Optional<String> user() { return Optional.ofNullable(System.getProperty("user.name")); }
            };
        }
        @Override public CompletableFuture<ProcessHandle> onExit() { return exit; }
        @Override public boolean supportsNormalTermination() { return true; }
        @Override public boolean destroy() { return kill(); }
        @Override public boolean destroyForcibly() { return kill(); }
        @Override public boolean isAlive() { return !exit.isDone(); }
        @Override public int compareTo(ProcessHandle other) { return Long.compare(pid, other.pid()); }
        @Override public int hashCode() { return Long.hashCode(pid); }
        @Override public boolean equals(Object o) { return o instanceof ProcessHandle h && h.pid() == pid; }
        @Override public String toString() { return "process " + pid + " (the test's)"; }
    }

    private Map<Long, Node> awaitChain(Path dir, Process root, int size) throws Exception {
        return awaitComplete(dir, root, tree -> {
            if (complete(tree) && tree.size() != size) {
                fail("the tree grew to " + tree.size() + " processes instead of " + size
                        + ", so killTree cannot be checked: make shares(" + size + ", 1) work first");
            }
        });
    }

    /**
     * Reads the tree's reports until it has finished growing; {@code check} sees every look first
     * and may fail at once. Every node is tracked so that it is destroyed after the test.
     */
    private Map<Long, Node> awaitComplete(Path dir, Process root, Consumer<Map<Long, Node>> check) throws Exception {
        long deadline = System.nanoTime() + TREE_CEILING.toNanos();
        long progress = -1;
        while (true) {
            Map<Long, Node> tree = readTree(dir);
            tree.keySet().forEach(ChildProcesses::track);
            check.accept(tree);
            if (complete(tree)) {
                return tree;
            }
            if (!root.isAlive()) {
                fail("the root TreeNode exited with code " + root.exitValue() + " before the tree was grown");
            }
            // Not a speed limit for the whole tree: every new node or finished node restarts the clock.
            long now = tree.size() * 1_000L + tree.values().stream().filter(n -> n.children() != null).count();
            if (now != progress) {
                progress = now;
                deadline = System.nanoTime() + TREE_CEILING.toNanos();
            }
            if (System.nanoTime() > deadline) {
                fail("the tree stopped growing: nothing changed for " + TREE_CEILING.toSeconds() + " s; so far: "
                        + tree.values());
            }
            Thread.sleep(20);
        }
    }
}
