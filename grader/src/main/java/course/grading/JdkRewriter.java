package course.grading;

import course.grading.boot.JdkHooks;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Adds a call to {@link JdkHooks} at the start of JDK methods, in the test JVM only, for the
 * grader's guards.
 *
 * <p>It uses the instrumentation of Byte Buddy's agent, which the build attaches to every test JVM
 * with {@code -javaagent} (Mockito's inline mock maker uses the same one), and the ASM that Byte
 * Buddy carries: a few instructions before the method's own, nothing else changed. {@link JdkHooks}
 * goes on the bootstrap class loader's search path first, so that {@code java.base} can call it.
 * (Byte Buddy's own class rewriting did this too, at nearly three times the cost: 0.4 s of every test JVM's
 * start, most of it loading Byte Buddy.) Without that agent (a test run from an IDE) nothing is
 * rewritten and the guards are absent.
 */
final class JdkRewriter {
    static final String HOOKS = JdkHooks.class.getName().replace('.', '/');
    private static boolean hooksLoaded;
    private static String hooksJar;

    private JdkRewriter() {
    }

    /** Writes the instructions to put at the start of one method, or nothing if it is not one to guard. */
    @FunctionalInterface
    interface Prologue {
        /**
         * Returns whether it wrote any. {@code type}: the class, as {@code java/io/File};
         * {@code access}: the method's flags ({@link Opcodes#ACC_STATIC}).
         */
        boolean write(String type, int access, String method, String descriptor, MethodVisitor code);
    }

    /** Writes the instructions that push the method's arguments as an {@code Object[]}, primitives boxed. */
    static void pushArguments(int access, String descriptor, MethodVisitor code) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        code.visitLdcInsn(arguments.length);
        code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < arguments.length; i++) {
            Type argument = arguments[i];
            code.visitInsn(Opcodes.DUP);
            code.visitLdcInsn(i);
            code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            if (argument.getSort() != Type.OBJECT && argument.getSort() != Type.ARRAY) {
                Type boxed = Type.getObjectType(switch (argument.getSort()) {
                    case Type.BOOLEAN -> "java/lang/Boolean";
                    case Type.CHAR -> "java/lang/Character";
                    case Type.BYTE -> "java/lang/Byte";
                    case Type.SHORT -> "java/lang/Short";
                    case Type.INT -> "java/lang/Integer";
                    case Type.FLOAT -> "java/lang/Float";
                    case Type.LONG -> "java/lang/Long";
                    default -> "java/lang/Double";
                });
                code.visitMethodInsn(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
                        Type.getMethodDescriptor(boxed, argument), false);
            }
            code.visitInsn(Opcodes.AASTORE);
            slot += argument.getSize();
        }
    }

    /**
     * Writes the instructions that take an {@code Object[]} of the method's arguments (as
     * {@link #pushArguments} made it, after a hook returned it) off the stack and store its
     * reference-typed elements back into the arguments: a hook may replace what the method goes on with.
     */
    static void storeArguments(int access, String descriptor, MethodVisitor code) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < arguments.length; i++) {
            Type argument = arguments[i];
            if (argument.getSort() == Type.OBJECT || argument.getSort() == Type.ARRAY) {
                code.visitInsn(Opcodes.DUP);
                code.visitLdcInsn(i);
                code.visitInsn(Opcodes.AALOAD);
                code.visitTypeInsn(Opcodes.CHECKCAST, argument.getInternalName());
                code.visitVarInsn(Opcodes.ASTORE, slot);
            }
            slot += argument.getSize();
        }
        code.visitInsn(Opcodes.POP);
    }

    /** Rewrites {@code type}; returns how many of its methods got a prologue (0: it did not work). Failures are printed, never thrown. */
    static synchronized int rewrite(Class<?> type, Prologue prologue) {
        Instrumentation instrumentation = agentInstrumentation();
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported() || !loadHooks(instrumentation)) {
            return 0;
        }
        int[] guarded = {0};
        String internalName = type.getName().replace('.', '/');
        byte[] rewritten;
        try (InputStream original = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            ClassReader reader = new ClassReader(original.readAllBytes());
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor code = super.visitMethod(access, method, descriptor, signature, exceptions);
                    return new MethodVisitor(Opcodes.ASM9, code) {
                        @Override
                        public void visitCode() {
                            super.visitCode();
                            guarded[0] += prologue.write(internalName, access, method, descriptor, code) ? 1 : 0;
                        }

                        @Override
                        public void visitMaxs(int maxStack, int maxLocals) {
                            super.visitMaxs(Math.max(maxStack, 6), maxLocals); // a prologue, on an empty stack: at most an array, its copy, an index and a long
                        }
                    };
                }
            }, 0);
            rewritten = writer.toByteArray();
        } catch (IOException | RuntimeException e) {
            System.err.println("[grader] could not rewrite " + type.getName() + ": " + e);
            return 0;
        }
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfile) {
                return redefined == type ? rewritten : null;
            }
        };
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(type);
            return guarded[0];
        } catch (Exception | LinkageError e) {
            System.err.println("[grader] could not rewrite " + type.getName() + ": " + e);
            return 0;
        } finally {
            instrumentation.removeTransformer(transformer);
        }
    }

    /**
     * Puts {@link JdkHooks} on the bootstrap search path (a jar of its one class) and lets java.base
     * read it. A child JVM that the process guard started has it there already
     * ({@code -Xbootclasspath/a}, see {@link #hooksJar()}). The jar goes into the grading folder,
     * which the grading-files guard keeps code under test from writing: child JVMs load it too.
     */
    private static boolean loadHooks(Instrumentation instrumentation) {
        if (hooksLoaded) {
            return true;
        }
        try {
            Class<?> booted;
            try {
                booted = Class.forName(JdkHooks.class.getName(), false, null);
                hooksJar = System.getProperty("jdk.boot.class.path.append");
            } catch (ClassNotFoundException notYet) {
                Path jar = hooksJarPath();
                try (InputStream hooks = JdkRewriter.class.getResourceAsStream("/" + HOOKS + ".class");
                     JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                    out.putNextEntry(new JarEntry(HOOKS + ".class"));
                    out.write(hooks.readAllBytes());
                }
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
                booted = Class.forName(JdkHooks.class.getName(), true, null);
                hooksJar = jar.toString();
            }
            instrumentation.redefineModule(Object.class.getModule(), Set.of(booted.getModule()),
                    Map.of(), Map.of(), Set.of(), Map.of());
            hooksLoaded = true;
            return true;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("[grader] could not load the guards' hooks: " + e);
            return false;
        }
    }

    /** {@code hooks-<pid>.jar} in the grading folder (a temporary file without one); removed when the JVM ends. */
    private static Path hooksJarPath() throws IOException {
        String grading = System.getProperty("grading.dir");
        Path jar;
        if (grading == null) {
            jar = Files.createTempFile("grader-hooks", ".jar");
        } else {
            jar = Files.createDirectories(Path.of(grading).toAbsolutePath())
                    .resolve("hooks-" + ProcessHandle.current().pid() + ".jar");
        }
        jar.toFile().deleteOnExit();
        return jar;
    }

    /** The jar that holds {@link JdkHooks} on the bootstrap search path, once the hooks are loaded (else null). */
    static String hooksJar() {
        return hooksJar;
    }

    private static Instrumentation agentInstrumentation() {
        try {
            // The agent's own holder of the instrumentation: ByteBuddyAgent would load its attach machinery first.
            return net.bytebuddy.agent.Installer.getInstrumentation();
        } catch (IllegalStateException | LinkageError e) {
            return null; // not started with -javaagent
        }
    }
}
