package course.lesson03.demo;

import course.lesson03.ForkGuard;
import course.lesson03.TreeNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Demo 3 · A fork bomb in a box: a tree of JVMs that stops at its budget, then dies completely.
 *
 * <p>Starts a {@link TreeNode} tree with a budget of 7 and a fanout of 2, prints it as it grows,
 * then kills it with {@link ForkGuard#killTree(ProcessHandle, Duration)} and checks that no
 * process is left. Needs exercise 4 solved.
 *
 * <pre>
 * mvn -q compile exec:java -pl lesson-03-processes -Dexec.mainClass=course.lesson03.demo.Demo03_ForkBombInABox
 * </pre>
 */
public final class Demo03_ForkBombInABox {
    public static void main(String[] args) throws Exception {
        try {
            System.out.println("shares(7, 2) = " + java.util.Arrays.toString(ForkGuard.shares(7, 2)));
        } catch (UnsupportedOperationException e) {
            System.out.println("exercise 4 is not solved yet: " + e.getMessage());
            return;
        }
        Path dir = Files.createTempDirectory("lesson03-tree");
        Process root = TreeNode.start(7, 2, dir);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long nodes = 0;
            while (nodes < 7 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                nodes = count(dir, ".node");
                System.out.println("processes in the tree so far: " + nodes);
            }
            System.out.println("tree (pid <- parent, budget):");
            for (Path node : list(dir, ".node")) {
                System.out.println("  " + Files.readString(node).trim());
            }
            System.out.println("descendants of this JVM: " + ProcessHandle.current().descendants().count());
        } finally {
            int killed = ForkGuard.killTree(root.toHandle(), Duration.ofSeconds(5));
            System.out.println("killTree destroyed " + killed + " processes; descendants left: "
                    + ProcessHandle.current().descendants().count());
            for (Path file : list(dir, "")) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static long count(Path dir, String suffix) throws Exception {
        return list(dir, suffix).size();
    }

    private static List<Path> list(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
