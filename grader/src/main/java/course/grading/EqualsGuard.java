package course.grading;

import course.grading.boot.JdkHooks;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Keeps an {@code equals} of the student's own from saying yes to what is not of its type.
 *
 * <p>A class of the student's may carry a hand-written {@code equals(Object)} (a key class, say),
 * but an object whose {@code equals} agrees with anything could make any answer look right: code
 * can hand one back wherever a test compares with {@code equals}, even inside a
 * {@code List<String>} (generics are erased). So, as each class of code under test loads (a class
 * folder's, not the tests' or the grader's), its {@code equals(Object)} is renamed and a new one
 * put in its place that returns the original's answer only when the other object is an instance
 * of the class that declares it ({@link course.grading.boot.JdkHooks#equalsVerdict}): what every
 * honest {@code equals} checks first anyway. A type the tests themselves compare is the gate's
 * business (it refuses an {@code equals} of the student's own there).
 */
public final class EqualsGuard {
    /** The original's new name: '-' cannot appear in a Java source name, so no student method has it. */
    private static final String RENAMED = "equals-as-written";
    private static final String EQUALS = "(Ljava/lang/Object;)Z";
    private static volatile boolean installed;

    private EqualsGuard() {
    }

    /** Installs the guard once per JVM (after a guard that loaded the JDK hooks); returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            try {
                Instrumentation instrumentation = net.bytebuddy.agent.Installer.getInstrumentation();
                instrumentation.addTransformer(new ClassFileTransformer() {
                    @Override
                    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                            ProtectionDomain domain, byte[] classfile) {
                        return redefined == null && isCodeUnderTest(domain) ? rewrite(classfile) : null;
                    }
                });
                installed = true;
            } catch (IllegalStateException | LinkageError e) {
                return false; // not started with -javaagent
            }
        }
        return installed;
    }

    private static boolean isCodeUnderTest(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source != null && source.getLocation() != null && JdkHooks.isCodeUnderTest(source.getLocation().toString());
    }

    /** The class with its equals(Object) wrapped, or null (left as it is) when it declares none. */
    static byte[] rewrite(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return null;
        }
        String owner = reader.getClassName();
        ClassWriter writer = new ClassWriter(reader, 0);
        int[] wrapped = {-1}; // the original's access flags, once found
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (name.equals("equals") && descriptor.equals(EQUALS) && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) == 0) {
                    wrapped[0] = access;
                    int hidden = access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL)
                            | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
                    return super.visitMethod(hidden, RENAMED, descriptor, signature, exceptions);
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                if (wrapped[0] >= 0) {
                    int access = wrapped[0] & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL);
                    MethodVisitor code = super.visitMethod(access, "equals", EQUALS, null, null);
                    code.visitCode();
                    code.visitVarInsn(Opcodes.ALOAD, 0);
                    code.visitVarInsn(Opcodes.ALOAD, 1);
                    code.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, RENAMED, EQUALS, false);
                    code.visitVarInsn(Opcodes.ALOAD, 1);
                    code.visitLdcInsn(Type.getObjectType(owner));
                    code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "equalsVerdict",
                            "(ZLjava/lang/Object;Ljava/lang/Class;)Z", false);
                    code.visitInsn(Opcodes.IRETURN);
                    code.visitMaxs(3, 2);
                    code.visitEnd();
                }
                super.visitEnd();
            }
        }, 0);
        return wrapped[0] < 0 ? null : writer.toByteArray();
    }
}
