package course.lesson03;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class of lesson 99 in lesson 03's package, to borrow lesson 03's gate allowances (it may
 * write files and start processes): the gate must refuse it for lying in another lesson's package.
 */
public final class Borrower {
    private Borrower() {
    }

    public static int answer() throws Exception {
        Files.writeString(Path.of("target/borrowed.txt"), "lesson 03's allowances, borrowed");
        return 0;
    }
}
