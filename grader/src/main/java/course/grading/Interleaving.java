package course.grading;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Forces the losing interleaving of a race in a student's class, every time, instead of waiting
 * for it to happen by luck. Test support, in the test JVM only.
 *
 * <p>{@link #of} rewrites the given classes (and their nested classes) with the instrumentation of
 * Byte Buddy's agent, until {@link #close}: after each read of one of their non-final fields, each
 * release of a lock ({@code monitorexit}, {@code unlock()}, the return of one of their
 * {@code synchronized} methods) and each read of an atomic ({@code AtomicLong.get()},
 * {@code LongAdder.sum()}, …) they call {@link #pause()}. A test-owned collaborator may call it
 * too. A call to {@code add(e)} on a plain {@code ArrayList} or {@code LinkedList} runs as the two
 * steps the list takes (read the size; store the element at that index), with a pause between.
 *
 * <p>In a thread that has {@link #join joined}, a pause waits until another joined thread reaches
 * a pause too (then both go on: two unsynchronised read-modify-writes have both read, so one
 * update is lost), or until every other joined thread is finished or waits for something (a lock
 * the paused thread holds: the code is synchronised, and the paused thread goes on alone). That
 * is decided from the threads' states, never by time; a lock just released counts as about to be
 * taken. Correct code gives the same result as without the pauses; the ceiling only ends the wait
 * of code that spins. Without the agent (an IDE run) nothing is rewritten.
 *
 * <pre>{@code
 * try (Interleaving race = Interleaving.of(2, AtomicCounter.class)) {
 *     Thread a = new Thread(() -> { race.join(); counter.increment(); });   // and b: decrement()
 *     ...                                                                   // start, join both
 * }
 * }</pre>
 */
public final class Interleaving implements AutoCloseable {
    private static final String SELF = Type.getInternalName(Interleaving.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Object WRITES = new Object();
    private static final Set<String> ATOMIC_READS =
            Set.of("get", "getPlain", "getOpaque", "getAcquire", "intValue", "longValue", "sum");
    private static volatile Interleaving current;

    private final int parties;
    private final Set<Thread> joined = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> waiting = new AtomicReference<>();
    private final AtomicInteger meetings = new AtomicInteger();
    private final Set<String> fields = new HashSet<>();     // owner.name of non-final fields
    private final Set<String> locked = new HashSet<>();     // owner.name+descriptor of synchronized methods
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private Instrumentation instrumentation;

    private Interleaving(int parties) {
        this.parties = parties;
    }

    /** Rewrites {@code roots} and their nest members; pauses wait for {@code parties} joined threads. */
    public static Interleaving of(int parties, Class<?>... roots) {
        Interleaving session = new Interleaving(parties);
        for (Class<?> root : roots) {
            session.classes.add(root);
            session.classes.addAll(List.of(root.getNestMembers()));
        }
        for (Class<?> type : session.classes) {
            String owner = Type.getInternalName(type);
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isFinal(field.getModifiers())) {
                    session.fields.add(owner + "." + field.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isSynchronized(method.getModifiers())) {
                    session.locked.add(owner + "." + method.getName() + Type.getMethodDescriptor(method));
                }
            }
        }
        current = session;
        try {
            session.instrumentation = ByteBuddyAgent.getInstrumentation();
        } catch (IllegalStateException | LinkageError e) {
            return session; // no agent: only explicit pauses
        }
        session.retransform(session.new Rewriter());
        return session;
    }

    /** The current thread takes part from now on: its pauses wait for the other parties. */
    public void join() {
        joined.add(Thread.currentThread());
    }

    /** How many times two threads met at a pause (each meeting is an interleaving the code allowed). */
    public int meetings() {
        return meetings.get();
    }

    /** Restores the original classes; pauses do nothing from now on. */
    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        Thread left = waiting.getAndSet(null);
        if (left != null) {
            LockSupport.unpark(left);
        }
        retransform(null);
    }

    /** The hook: see the class comment. Does nothing outside a session or in a thread that has not joined. */
    public static void pause() {
        Interleaving session = current;
        Thread me = Thread.currentThread();
        if (session == null || !session.joined.contains(me)) {
            return;
        }
        while (true) {
            Thread other = session.waiting.get();
            if (other != null) {
                if (session.waiting.compareAndSet(other, null)) {
                    session.meetings.incrementAndGet();
                    LockSupport.unpark(other);
                    return;
                }
            } else if (session.waiting.compareAndSet(null, me)) {
                break;
            }
        }
        long deadline = System.nanoTime() + Delays.CEILING.toNanos();
        while (session.waiting.get() == me) {
            if (session.othersCannotCome(me) || System.nanoTime() - deadline > 0) {
                session.waiting.compareAndSet(me, null);
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Stands for {@code list.add(element)} in rewritten code. */
    @SuppressWarnings("unchecked")
    public static boolean add(Object list, Object element) {
        Class<?> type = list.getClass();
        Interleaving session = current;
        if (session == null || type != ArrayList.class && type != LinkedList.class
                || !session.joined.contains(Thread.currentThread())) {
            return ((Collection<Object>) list).add(element);
        }
        List<Object> plain = (List<Object>) list;
        int size = plain.size();          // what ArrayList.add reads first ...
        pause();
        synchronized (WRITES) {           // ... and then writes: element at [size], size + 1
            if (plain.size() > size) {
                plain.set(size, element);
            } else {
                plain.add(element);
            }
        }
        return true;
    }

    private boolean othersCannotCome(Thread me) {
        if (joined.size() < parties) {
            return false;
        }
        for (Thread other : joined) {
            Thread.State state = other.getState();
            if (other != me && (state == Thread.State.NEW || state == Thread.State.RUNNABLE)) {
                return false;
            }
        }
        for (Thread other : joined) {
            if (other != me && !waitsForGood(other)) {
                return false;
            }
        }
        return true;
    }

    /** Finished, or waiting for something other than a lock that is free (which it is about to take). */
    private static boolean waitsForGood(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        if (info == null || info.getThreadState() == Thread.State.TERMINATED || info.getLockOwnerId() != -1) {
            return true;
        }
        return switch (info.getThreadState()) {
            case NEW, RUNNABLE, BLOCKED -> false;
            default -> !(blocker instanceof AbstractOwnableSynchronizer && blocker.getClass().getName()
                    .matches("java\\.util\\.concurrent\\.locks\\.Reentrant(ReadWrite)?Lock\\$.*"));
        };
    }

    private void retransform(ClassFileTransformer transformer) {
        if (instrumentation == null) {
            return;
        }
        List<Class<?>> targets = classes.stream().filter(instrumentation::isModifiableClass).toList();
        if (transformer != null) {
            instrumentation.addTransformer(transformer, true);
        }
        try {
            instrumentation.retransformClasses(targets.toArray(Class<?>[]::new));
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not rewrite " + targets + ": " + e);
        } finally {
            if (transformer != null) {
                instrumentation.removeTransformer(transformer);
            }
        }
    }

    private final class Rewriter implements ClassFileTransformer {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] classfile) {
            if (redefined == null || !classes.contains(redefined)) {
                return null;
            }
            try {
                ClassReader reader = new ClassReader(classfile);
                ClassWriter writer = new ClassWriter(reader, 0);
                reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                     String[] exceptions) {
                        return new Hooks(super.visitMethod(access, method, descriptor, signature, exceptions));
                    }
                }, 0);
                return writer.toByteArray();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("[grader] could not rewrite " + name + ": " + e);
                return null;
            }
        }
    }

    private final class Hooks extends MethodVisitor {
        Hooks(MethodVisitor target) {
            super(Opcodes.ASM9, target);
        }

        private void pauseHere() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "pause", "()V", false);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && fields.contains(owner + "." + name)) {
                pauseHere();
            }
        }

        @Override
        public void visitInsn(int opcode) {
            super.visitInsn(opcode);
            if (opcode == Opcodes.MONITOREXIT) {
                pauseHere();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (name.equals("add") && descriptor.equals("(Ljava/lang/Object;)Z") && opcode != Opcodes.INVOKESPECIAL
                    && opcode != Opcodes.INVOKESTATIC && owner.matches("java/util/(List|Collection|ArrayList|LinkedList)")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "add", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            if (name.startsWith("unlock") || locked.contains(owner + "." + name + descriptor)
                    || owner.startsWith("java/util/concurrent/atomic/") && ATOMIC_READS.contains(name)) {
                pauseHere();
            }
        }
    }
}
