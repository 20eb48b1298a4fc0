package catalogue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Grades the mistakes catalogue ({@code solutions/catalogue/<lesson-dir>/*.patch}) against the
 * lessons' graded tests, and fails when a wrong solution earns full marks, its failure messages
 * do not name the mistake, a valid alternative loses points, or a patch no longer applies.
 *
 * <p>Started by the instructor profile of {@code solutions/pom.xml} (exec:java, in Maven's JVM),
 * after the reference check. There it is the {@link Driver}: it hands the entries to a few worker
 * JVMs ({@code --worker}, see {@link Worker}) that grade them one after another, in process, and
 * prints the summary. See {@code solutions/catalogue/README.md}.
 */
public final class CatalogueRunner {
    private CatalogueRunner() {
    }

    public static void main(String[] argv) throws Exception {
        Config config = Config.parse(argv);
        boolean worker = false;
        for (String arg : argv) {
            worker |= arg.equals("--worker");
        }
        if (worker) {
            Worker.serve(config);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String failure = new Driver(config, out).run();
        out.flush();
        if (failure != null) {
            throw new CatalogueFailure(failure);
        }
    }

    /** Fails the build; exec-maven-plugin prints its message (no stack trace: the lines above say it all). */
    static final class CatalogueFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CatalogueFailure(String message) {
            super(message, null, false, false);
        }
    }
}
