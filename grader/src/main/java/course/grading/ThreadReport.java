package course.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes threads for a student: who they are and where their code is.
 *
 * <p>Used when a test times out (where were the threads stuck?) and when a test leaves threads
 * running (which ones?). Frames of the JDK's own plumbing are kept short: a student needs the
 * line of their code, and the one blocking call above it.
 */
public final class ThreadReport {
    /**
     * Threads of the JVM, the JDK and the test harness: never the student's. A name ending in
     * '-' or ' ' is a prefix; any other is a whole name.
     */
    private static final List<String> HARNESS_THREAD_NAMES = List.of(
            "main", "Reference Handler", "Finalizer", "Signal Dispatcher", "Attach Listener",
            "Notification Thread", "Common-Cleaner", "process reaper", "Keep-Alive-",
            "surefire-", "junit-", "ForkJoinPool.commonPool-", "InnocuousThread-",
            "HttpClient-", "DestroyJavaVM", "JFR ", "Monitor Ctrl-Break", "last-ditch-daemon-shutdown");

    private static final int FRAMES_PER_THREAD = 6;
    private static final int CONTEXT_FRAMES = 2;

    private ThreadReport() {
    }

    /**
     * Whether a thread belongs to the JVM, the JDK or the harness rather than to the code under
     * test. Virtual-thread carriers and the JDK's innocuous threads count as the JDK's.
     */
    public static boolean isHarnessThread(Thread thread) {
        String type = thread.getClass().getName();
        if (type.startsWith("jdk.internal.") || type.startsWith("org.junit.") || type.startsWith("org.apache.maven.surefire.")) {
            return true;
        }
        String name = thread.getName();
        if (type.startsWith("java.util.concurrent.DelayScheduler") || name.endsWith("-delayScheduler")) {
            return true; // JDK 25's timer thread for the virtual-thread scheduler: it stays, by design
        }
        return HARNESS_THREAD_NAMES.stream().anyMatch(known -> known.endsWith("-") || known.endsWith(" ")
                ? name.startsWith(known) : name.equals(known));
    }

    /** The platform threads of this JVM that are alive now. */
    public static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /**
     * Where the threads that run course code are, most relevant first: one block per thread
     * with its name, state and top frames.
     */
    public static String whereThreadsAre() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        List<Map.Entry<Thread, StackTraceElement[]>> relevant = new ArrayList<>();
        for (var entry : all.entrySet()) {
            if (entry.getKey() != Thread.currentThread() && runsCourseCode(entry.getValue())) {
                relevant.add(entry);
            }
        }
        relevant.sort(Comparator.comparing(e -> e.getKey().getName()));
        if (relevant.isEmpty()) {
            return "  (no thread was running course code)";
        }
        StringBuilder out = new StringBuilder();
        for (var entry : relevant) {
            out.append(describe(entry.getKey(), entry.getValue()));
        }
        return out.toString();
    }

    /** One thread: {@code "name" STATE} and its top frames. */
    public static String describe(Thread thread, StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder();
        out.append("  thread '").append(thread.getName()).append("' ").append(thread.getState());
        if (thread.isDaemon()) {
            out.append(" (daemon)");
        }
        out.append('\n');
        // Where it blocks (the JDK frames just above the course code: join, await, park…), then
        // the course code that called it; the JDK's and the harness's plumbing below is noise.
        int firstCourse = 0;
        while (firstCourse < stack.length && !isCourseCode(stack[firstCourse])) {
            firstCourse++;
        }
        int from = firstCourse == stack.length ? 0 : Math.max(0, firstCourse - CONTEXT_FRAMES);
        int shown = 0;
        if (from > 0) {
            out.append("      ...\n");
        }
        for (int i = from; i < stack.length; i++) {
            StackTraceElement frame = stack[i];
            if (isPlumbing(frame)) {
                continue;
            }
            if (shown == FRAMES_PER_THREAD) {
                out.append("      ...\n");
                break;
            }
            out.append("      at ").append(frame(frame)).append('\n');
            shown++;
        }
        return out.toString();
    }

    /** The first frame of course code (not the grader) in a stack, if any, for one-line summaries. */
    public static String firstCourseFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (isCourseCode(frame)) {
                return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1)
                        + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return stack.length > 0 ? frame(stack[0]) : "no stack";
    }

    /** A frame as a student reads it: {@code course.lesson02.Fetcher.fetch(Fetcher.java:42)}. */
    public static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    static boolean runsCourseCode(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (isCourseCode(frame)) {
                return true;
            }
        }
        return false;
    }

    static boolean isCourseCode(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("course.") && !cls.startsWith("course.grading.");
    }

    private static boolean isPlumbing(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.invoke.")
                || cls.startsWith("org.junit.") || cls.startsWith("course.grading.")
                || cls.startsWith("org.apache.maven.surefire.") || cls.contains("$$Lambda");
    }
}
