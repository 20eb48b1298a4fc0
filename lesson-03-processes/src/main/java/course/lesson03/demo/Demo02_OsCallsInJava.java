package course.lesson03.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Demo 2 · The lecture's {@code os} calls, in Java.
 *
 * <p>{@code getpid}, {@code getppid}, {@code popen}, {@code kill}; and why there is no
 * {@code fork} or {@code exec}. Runs on the starter (it uses no exercise code).
 *
 * <pre>
 * ./mvnw -q compile exec:java -pl lesson-03-processes -Dexec.mainClass=course.lesson03.demo.Demo02_OsCallsInJava
 * </pre>
 */
public final class Demo02_OsCallsInJava {
    public static void main(String[] args) throws IOException, InterruptedException {
        ProcessHandle me = ProcessHandle.current();
        System.out.println("os.getpid()   -> ProcessHandle.current().pid()            = " + me.pid());
        System.out.println("os.getppid()  -> ProcessHandle.current().parent()         = "
                + me.parent().map(p -> p.pid() + " (" + p.info().command().orElse("?") + ")").orElse("unknown"));
        System.out.println("                 ProcessHandle.current().info().command() = "
                + me.info().command().orElse("?"));

        // os.popen("uname -s"): the command goes through the shell; read what the child prints.
        Process uname = new ProcessBuilder(List.of("sh", "-c", "uname -s")).start();
        String system = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        System.out.println("os.popen(cmd) -> new ProcessBuilder(\"sh\", \"-c\", cmd).start(): uname says '" + system
                + "', exit code " + uname.waitFor());

        // os.kill(pid, SIGTERM) / SIGKILL: destroy() and destroyForcibly().
        Process sleeper = new ProcessBuilder(List.of("sleep", "30")).start();
        System.out.println("started 'sleep 30' as pid " + sleeper.pid() + ", its parent is "
                + sleeper.toHandle().parent().map(ProcessHandle::pid).orElse(-1L) + " (us)");
        sleeper.destroy();
        boolean gone = sleeper.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        System.out.println("os.kill(pid, SIGTERM) -> process.destroy()                : gone=" + gone
                + ", exit code " + (gone ? sleeper.exitValue() : -1) + " (128 + 15 = killed by SIGTERM)");

        System.out.println("os.abort()    -> no direct counterpart: it raises SIGABRT (exit 134, maybe a core dump);");
        System.out.println("                 the nearest is to send it to yourself: kill -ABRT <pid> (not run here)");
        System.out.println("os._exit(n)   -> Runtime.getRuntime().halt(n): ends the JVM at once, no shutdown hooks");
        System.out.println("os.fork()     -> none. A JVM cannot copy itself; it starts a new JVM instead:");
        System.out.println("                 new ProcessBuilder(java, -cp, classpath, MainClass, args...).start()");
        System.out.println("os.exec*()    -> none. A JVM cannot replace itself with another program;");
        System.out.println("                 start the program as a child and exit with its exit code instead.");
    }
}
