package course.grading;

import java.lang.instrument.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Modifier;
import java.security.ProtectionDomain;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.*;
import net.bytebuddy.jar.asm.*;

/**
 * Forces the losing interleaving of a race in a student's class every time, instead of waiting
 * for it by luck. Test support, in the test JVM only.
 *
 * <p>{@link #of} rewrites the classes and their nested classes with Byte Buddy's agent, until
 * {@link #close}, to call {@link #pause()} after each read of one of their non-final fields, each
 * release of a lock ({@code monitorexit}, {@code unlock…()}, a call of one of their
 * {@code synchronized} methods) and each read of an atomic ({@code AtomicLong.get()},
 * {@code LongAdder.sum()}, …); {@code add(e)} on a plain {@code ArrayList} or {@code LinkedList}
 * runs as the list's two steps (read the size, store there) with a pause between. A pause in a
 * thread that has {@link #join joined} waits until another joined thread pauses too (both go on:
 * two unsynchronised read-modify-writes have both read, one update is lost), or until all
 * {@code parties} have joined and every other one has ended or waits for something other than a
 * free lock (a lock the paused thread holds: it goes on alone). Decided from thread states, never
 * by time (the ceiling only ends the wait of code that spins). Without the agent nothing is
 * rewritten.
 *
 * <pre>{@code
 * try (Interleaving race = Interleaving.of(2, AtomicCounter.class)) {
 *     Thread a = new Thread(() -> { race.join(); counter.increment(); });   // b: decrement()
 *     ...                                                                   // start and join both
 * }
 * }</pre>
 */
public final class Interleaving implements AutoCloseable {
    private static final String SELF = Type.getInternalName(Interleaving.class);
    private static volatile Interleaving current;

    private final int parties;
    private final Set<Thread> joined = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> waiting = new AtomicReference<>();
    private final Set<String> hooked = new HashSet<>();   // owner.field, owner.method+descriptor
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private Instrumentation instrumentation;

    private Interleaving(int parties) {
        this.parties = parties;
    }

    /** Rewrites {@code roots} and their nest members; a pause waits for {@code parties} joined threads. */
    public static Interleaving of(int parties, Class<?>... roots) {
        Interleaving session = new Interleaving(parties);
        for (Class<?> root : roots) {
            session.classes.add(root);
            session.classes.addAll(List.of(root.getNestMembers()));
        }
        for (Class<?> type : session.classes) {
            String owner = Type.getInternalName(type) + ".";
            Arrays.stream(type.getDeclaredFields()).filter(field -> !Modifier.isFinal(field.getModifiers()))
                    .forEach(field -> session.hooked.add(owner + field.getName()));
            Arrays.stream(type.getDeclaredMethods()).filter(method -> Modifier.isSynchronized(method.getModifiers()))
                    .forEach(method -> session.hooked.add(owner + method.getName() + Type.getMethodDescriptor(method)));
        }
        current = session;
        try {
            session.instrumentation = net.bytebuddy.agent.Installer.getInstrumentation();
        } catch (IllegalStateException | LinkageError e) {
            return session; // no agent: only the explicit pauses
        }
        session.retransform(true);
        return session;
    }

    /** The current thread takes part from now on: its pauses wait for the other parties. */
    public void join() {
        joined.add(Thread.currentThread());
    }

    /** Restores the original classes; pauses do nothing from now on. */
    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        LockSupport.unpark(waiting.getAndSet(null));
        retransform(false);
    }

    /** The hook (see the class comment); does nothing outside a session or in a thread that has not joined. */
    public static void pause() {
        Interleaving session = current;
        Thread me = Thread.currentThread();
        if (session == null || !session.joined.contains(me)) {
            return;
        }
        Thread other;
        do {
            other = session.waiting.get();
        } while (!session.waiting.compareAndSet(other, other == null ? me : null));
        if (other != null) {
            LockSupport.unpark(other); // met the thread that was waiting: both go on
            return;
        }
        long deadline = System.nanoTime() + Delays.CEILING.toNanos();
        while (session.waiting.get() == me) {
            if (session.othersCannotCome(me) || System.nanoTime() - deadline > 0) {
                session.waiting.compareAndSet(me, null);
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Stands for {@code list.add(element)} in rewritten code. */
    @SuppressWarnings("unchecked")
    public static boolean add(Object list, Object element) {
        Interleaving session = current;
        if (session == null || list.getClass() != ArrayList.class && list.getClass() != LinkedList.class
                || !session.joined.contains(Thread.currentThread())) {
            return ((Collection<Object>) list).add(element);
        }
        List<Object> plain = (List<Object>) list;
        int size = plain.size();      // what the list reads first ...
        pause();
        synchronized (Interleaving.class) {       // ... and then writes: the element at [size], size + 1
            if (plain.size() > size) {
                plain.set(size, element);
            } else {
                plain.add(element);
            }
        }
        return true;
    }

    private boolean othersCannotCome(Thread me) {
        return joined.size() >= parties && joined.stream().filter(t -> t != me).allMatch(Interleaving::waitsForGood);
    }

    /** Ended, or waits for something other than a lock that is free (which it is about to take). */
    private static boolean waitsForGood(Thread thread) {
        if (thread.getState() == Thread.State.NEW || thread.getState() == Thread.State.RUNNABLE) {
            return false; // cheap, and the common case: no thread dump
        }
        Object blocker = LockSupport.getBlocker(thread);
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
        if (info == null || info.getThreadState() == Thread.State.TERMINATED || info.getLockOwnerId() != -1) {
            return true;
        }
        return switch (info.getThreadState()) {
            case NEW, RUNNABLE, BLOCKED -> false;
            default -> !(blocker instanceof AbstractOwnableSynchronizer && blocker.getClass().getName()
                    .matches("java\\.util\\.concurrent\\.locks\\.Reentrant(ReadWrite)?Lock\\$.*"));
        };
    }

    /** Retransforms the classes: rewritten, or back to what they were. */
    private void retransform(boolean rewritten) {
        if (instrumentation == null) {
            return;
        }
        Class<?>[] targets = classes.stream().filter(instrumentation::isModifiableClass).toArray(Class<?>[]::new);
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfile) {
                return rewritten && classes.contains(redefined) ? rewrite(classfile) : null;
            }
        };
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(targets);
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not rewrite " + Arrays.toString(targets) + ": " + e);
        } finally {
            instrumentation.removeTransformer(transformer);
        }
    }

    /** The transformer: {@link #pause()} after the reads and releases named in the class comment. */
    private byte[] rewrite(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);   // what it throws leaves the class as it was
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, method, descriptor, signature,
                        exceptions)) {
                    private void pauseIf(boolean hook) {
                        if (hook) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "pause", "()V", false);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String type) {
                        super.visitFieldInsn(opcode, owner, field, type);
                        pauseIf(opcode != Opcodes.PUTFIELD && opcode != Opcodes.PUTSTATIC
                                && hooked.contains(owner + "." + field));
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        super.visitInsn(opcode);
                        pauseIf(opcode == Opcodes.MONITOREXIT);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String type, boolean itf) {
                        if (called.equals("add") && type.equals("(Ljava/lang/Object;)Z")
                                && opcode != Opcodes.INVOKESPECIAL
                                && owner.matches("java/util/(List|Collection|ArrayList|LinkedList)")) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "add",
                                    "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                            return;
                        }
                        super.visitMethodInsn(opcode, owner, called, type, itf);
                        pauseIf(called.startsWith("unlock") || hooked.contains(owner + "." + called + type)
                                || owner.startsWith("java/util/concurrent/atomic/")
                                && called.matches("get|getPlain|getOpaque|getAcquire|intValue|longValue|sum"));
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
