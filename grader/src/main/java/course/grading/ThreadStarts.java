package course.grading;

import course.grading.boot.JdkHooks;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.Optional;

/**
 * What name a thread had at the moment it was started: for tests of "name the thread before
 * {@code start()}". A thread named right after {@code start()} usually shows the right name by the
 * time a test looks, and its first lines of {@code run()} may still see the old one; no test can
 * stop the caller between the two calls, so this records the name inside {@code start()} itself
 * ({@code Thread.start} and {@code VirtualThread.start} are rewritten, see {@link JdkRewriter}, to
 * call {@link JdkHooks#started} first).
 *
 * <pre>{@code
 * ThreadStarts.watch();                        // before the student's code starts the thread
 * Thread t = ThreadFacts.startNamed("worker-7", true, task);
 * ThreadStarts.nameAtStart(t)                  // Optional[worker-7], or Optional[Thread-3] if named too late
 * }</pre>
 */
public final class ThreadStarts {
    private static volatile boolean watching;

    private ThreadStarts() {
    }

    /** Starts recording the name of every thread started from now on; returns whether it can (no agent: false). */
    public static synchronized boolean watch() {
        if (!watching) {
            try {
                watching = JdkRewriter.rewrite(Thread.class, ThreadStarts::seeStart) == 2
                        && JdkRewriter.rewrite(Class.forName("java.lang.VirtualThread"), ThreadStarts::seeStart) == 2;
            } catch (ClassNotFoundException e) {
                watching = false;
            }
        }
        return watching;
    }

    /** The name {@code thread} had when it started; empty when its start was not seen (not watched, no agent). */
    public static Optional<String> nameAtStart(Thread thread) {
        if (!watching) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) Class.forName(JdkHooks.class.getName(), true, null)
                    .getMethod("nameAtStart", Thread.class).invoke(null, thread));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * What to tell a student whose thread started under another name than {@code expected} (it was
     * named after {@code start()}); empty when it started with that name, or when starts are not seen.
     */
    public static Optional<String> namedAfterStart(Thread thread, String expected) {
        return nameAtStart(thread).filter(name -> !name.equals(expected)).map(name -> "the thread started as '" + name
                + "' and was named '" + expected + "' only afterwards: whatever runs first on it (its first lines, a log"
                + " line, a thread dump) can still see '" + name + "'. Give the name before start(): new Thread(task, name),"
                + " or Thread.ofPlatform().name(name) / Thread.ofVirtual().name(name)");
    }

    /** Both {@code start()} and {@code start(ThreadContainer)} (executors of virtual threads start that way). */
    private static boolean seeStart(String type, int access, String method, String descriptor,
                                    net.bytebuddy.jar.asm.MethodVisitor code) {
        if (!method.equals("start") || (access & Opcodes.ACC_STATIC) != 0
                || !(descriptor.equals("()V") || descriptor.equals("(Ljdk/internal/vm/ThreadContainer;)V"))) {
            return false;
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "started", "(Ljava/lang/Thread;)V", false);
        return true;
    }
}
