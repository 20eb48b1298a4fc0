package course.lesson99;

/** Kills its own JVM with kill -9: no guard inside the JVM can stop that. */
public final class Killer {
    private Killer() {
    }

    public static int answer() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        Thread.sleep(60_000);
        return 42;
    }
}
