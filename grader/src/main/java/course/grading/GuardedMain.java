package course.grading;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The main class of every child JVM that code under test starts during grading (see
 * {@link ProcessGuard}): installs the guards that keep a grade true (grading files, processes; with
 * the agent they cost a child JVM about 0.15 s of CPU), then runs the real main class, given as the
 * first argument, with the rest. A child JVM ends as its main does: an exception it throws ends it
 * with status 1 and a stack trace, as usual.
 */
public final class GuardedMain {
    private GuardedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (!GradingFilesGuard.install() || !ProcessGuard.install()) {
            System.err.println("[grader] the guards could not be installed in this child JVM; it does not run");
            Runtime.getRuntime().halt(70);
        }
        Class<?> type = Class.forName(args[0], true, ClassLoader.getSystemClassLoader());
        Method main;
        try {
            main = type.getMethod("main", String[].class);
        } catch (NoSuchMethodException notPublic) {
            main = type.getDeclaredMethod("main", String[].class);
            main.setAccessible(true);
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
