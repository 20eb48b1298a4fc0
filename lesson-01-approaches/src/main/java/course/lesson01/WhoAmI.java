package course.lesson01;

/**
 * A tiny program for exercise 3 and the demos: prints one {@link UnitReport} line about itself
 * (unit {@code "process"}) on standard output and exits with status 0.
 *
 * <p>Start it as a <em>separate</em> JVM to see a child process: {@link ChildJvm#command(Class)}
 * builds the command line.
 */
public final class WhoAmI {
    private WhoAmI() {
    }

    public static void main(String[] args) {
        System.out.println(UnitReport.ofCurrentThread("process").format());
    }
}
