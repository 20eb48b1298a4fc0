package course.lesson99;

import java.io.File;
import java.util.List;

/**
 * Kills its own test JVM from a child JVM (the guards refuse a shell's {@code kill}, and the JVM
 * may not end itself): no guard inside the test JVM can stop that, and grading must survive it.
 */
public final class Killer {
    private Killer() {
    }

    /** In the child JVM: ends its parent, the test JVM. */
    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
    }

    public static int answer() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Killer.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Thread.sleep(60_000);
        return 42;
    }
}
