package course.lesson03;

import static org.assertj.core.api.Assertions.fail;

import course.grading.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support (not graded): makes sure no process started during a test outlives it, and runs
 * the student's call on a thread of its own so that a hang is reported, not waited out.
 *
 * <p>After each test every descendant of the test JVM is destroyed, deepest first, and so is
 * every process a test registered with {@link #track(long)} (processes that were re-parented
 * away from us, e.g. the orphans of a half-killed tree).
 */
public final class ChildProcesses implements AfterEachCallback {
    private static final Set<Long> TRACKED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> PID_FILES = ConcurrentHashMap.newKeySet();

    @Override
    public void afterEach(ExtensionContext context) {
        killAll();
    }

    /** Remembers a process to destroy after the test, even if it stops being our descendant. */
    public static void track(long pid) {
        TRACKED.add(pid);
    }

    /**
     * Remembers a file into which a process started during the test writes its pid (e.g. a shell's
     * grandchild), so that it is destroyed even when it was re-parented away from us before the
     * test could read the file: a call stuck waiting for such an orphan is freed by {@link #killAll()}.
     */
    public static void trackPidFile(Path file) {
        PID_FILES.add(file);
    }

    /** Destroys every descendant of this JVM and every tracked process, and waits for them. */
    public static void killAll() {
        for (int round = 0; round < 5; round++) {
            readPidFiles();
            Set<ProcessHandle> victims = new LinkedHashSet<>();
            ProcessHandle.current().descendants().forEach(victims::add);
            for (long pid : TRACKED) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> {
                    victims.add(handle);
                    handle.descendants().forEach(victims::add);
                });
            }
            if (victims.isEmpty()) {
                break;
            }
            List<ProcessHandle> deepestFirst = victims.stream()
                    .sorted(Comparator.comparingInt(ChildProcesses::depth).reversed())
                    .toList();
            deepestFirst.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle handle : deepestFirst) {
                try {
                    handle.onExit().get(3, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort: the next round tries again
                }
            }
        }
        TRACKED.clear();
        PID_FILES.clear();
    }

    private static void readPidFiles() {
        for (Path file : PID_FILES) {
            try {
                String pid = Files.readString(file).trim();
                if (!pid.isEmpty()) {
                    TRACKED.add(Long.parseLong(pid));
                }
            } catch (IOException | NumberFormatException e) {
                // not written (yet): nothing to destroy
            }
        }
    }

    /** Pids among {@code pids} that are still alive. */
    public static List<Long> alive(Iterable<Long> pids) {
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                alive.add(pid);
            }
        }
        return alive;
    }

    private static int depth(ProcessHandle handle) {
        int depth = 0;
        for (Optional<ProcessHandle> p = handle.parent(); p.isPresent() && depth < 64; p = p.get().parent()) {
            depth++;
        }
        return depth;
    }

    /** What a call did: returned a value or threw. */
    public record Outcome<T>(T value, Throwable thrown) {
        /** The value, or the exception the call threw, rethrown as it was. */
        public T get() {
            if (thrown != null) {
                throw ChildProcesses.<RuntimeException>sneaky(thrown);
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * Runs {@code call} on its own thread and waits at most {@code limit}. If it has not finished
     * by then, the test fails with {@code whenStuck} and the place the call was stuck, after every
     * child process has been destroyed (which usually unblocks the call).
     */
    public static <T> Outcome<T> within(Duration limit, String whenStuck, Callable<T> call) {
        Object[] result = new Object[2];
        Thread runner = Thread.ofPlatform().name("student-call").unstarted(() -> {
            try {
                result[0] = call.call();
            } catch (Throwable t) {
                result[1] = t;
            }
        });
        runner.start();
        try {
            if (!runner.join(limit)) {
                String where = Arrays.stream(runner.getStackTrace())
                        .limit(12)
                        .map(frame -> "\n        at " + frame)
                        .collect(Collectors.joining());
                killAll();
                runner.join(Duration.ofSeconds(2));
                fail(whenStuck + "\n    (the call had not returned after " + limit.toSeconds()
                        + " s; it was stuck here:" + where + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the call");
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return new Outcome<>(value, (Throwable) result[1]);
    }

    /**
     * Whether a call's thread is blocked inside: waiting (for a process to exit, a thread to end) and
     * not merely taking a lock, or in a native call such as a read from a pipe. With
     * {@code processWaitCounts} false, waiting in {@code Process.waitFor} does not count: for a process
     * the test knows has exited, that wait is about to end (the JVM delivers the exit a moment later).
     */
    static boolean blockedInside(Thread thread, boolean processWaitCounts) {
        StackTraceElement[] stack = thread.getStackTrace();
        if (!processWaitCounts && Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("waitFor")
                && (f.getClassName().equals("java.lang.ProcessImpl") || f.getClassName().equals("java.lang.Process")))) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
            return !Background.isTakingLock(thread);
        }
        return state == Thread.State.RUNNABLE && stack.length > 0 && stack[0].isNativeMethod();
    }
}
