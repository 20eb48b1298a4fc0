package course.grading;

import course.grading.boot.JdkHooks;
import net.bytebuddy.jar.asm.Opcodes;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps every process that code under test starts inside the grade: a process that outlived its
 * test JVM could rewrite the reports after the build wrote them, where no guard of the test JVM
 * reaches. Lessons 01 and 03 must let students start processes, so the rule is about what runs:
 *
 * <ul>
 *   <li>a command a test handed to the code under test (a process runner's test), exactly as
 *       given ({@link #allow}), with no variable changed that changes what it runs ({@code PATH},
 *       {@code LD_PRELOAD}, {@code BASH_ENV}, {@code JAVA_TOOL_OPTIONS}, …);</li>
 *   <li>a JVM of the course: the test JVM's {@code java}, its class path, a main class of the code
 *       under test (the lesson's class folder, never the tests' or the grader's) and a few harmless options (what {@code ChildJvm.command} and
 *       {@code JavaProcesses.command} build). It starts with the guards in it
 *       ({@link GuardedMain}), so its own children follow the same rule;</li>
 *   <li>nothing else: {@code ProcessBuilder.start} throws an {@link java.io.IOException} that says why.</li>
 * </ul>
 *
 * The tests' own processes (no class of the code under test on the stack) are not checked.
 * {@code ProcessImpl.start}, where every {@code ProcessBuilder} and {@code Runtime.exec} ends, is
 * rewritten (see {@link JdkRewriter}) to go on with what {@link JdkHooks#process} returns.
 */
public final class ProcessGuard {
    /** The pids of the build's processes, handed to child JVMs (their own parents are the test JVM's). */
    private static final String BUILD_PIDS = "grading.build-pids";

    /** A folder whose class folders child JVMs may use too: set by the mistakes catalogue's worker, never in grading. */
    public static final String CLASS_ROOTS = "grading.class-roots";

    private static volatile boolean installed;

    private ProcessGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            try {
                installed = JdkRewriter.rewrite(Class.forName("java.lang.ProcessImpl"), ProcessGuard::vetStart) == 1
                        && JdkRewriter.rewrite(Class.forName("java.lang.ProcessHandleImpl"), ProcessGuard::vetDestroy) == 1
                        && configure();
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.err.println("[grader] could not guard process starts: " + e);
                installed = false;
            }
        }
        return installed;
    }

    /**
     * Lets the code under test run exactly {@code command}: a test calls it for the commands it
     * hands over (for example to a process runner). Code under test that calls it gets a
     * {@link SecurityException}. Without the guard (an IDE run) it does nothing.
     */
    public static void allow(List<String> command) {
        if (!installed) {
            return;
        }
        try {
            booted().getMethod("allowCommand", List.class).invoke(null, command);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("grading: the process guard's hooks are missing", e);
        }
    }

    private static boolean vetStart(String type, int access, String method, String descriptor,
                                    net.bytebuddy.jar.asm.MethodVisitor code) {
        if (!method.equals("start") || (access & Opcodes.ACC_STATIC) == 0
                || !descriptor.startsWith("([Ljava/lang/String;Ljava/util/Map;Ljava/lang/String;")) {
            return false;
        }
        JdkRewriter.pushArguments(access, descriptor, code);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "process",
                "([Ljava/lang/Object;)[Ljava/lang/Object;", false);
        JdkRewriter.storeArguments(access, descriptor, code);
        return true;
    }

    private static boolean vetDestroy(String type, int access, String method, String descriptor,
                                      net.bytebuddy.jar.asm.MethodVisitor code) {
        if (!method.equals("destroyProcess") || !descriptor.equals("(Z)Z")) {
            return false;
        }
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "destroy", "(Ljava/lang/ProcessHandle;)V", false);
        return true;
    }

    /** Hands the rules of this JVM to the hooks: launchers, class path, and what a child JVM gets. */
    private static boolean configure() throws ReflectiveOperationException {
        Set<String> launchers = new LinkedHashSet<>();
        ProcessHandle.current().info().command().ifPresent(launchers::add);
        launchers.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String launcher : List.copyOf(launchers)) {
            try {
                launchers.add(Path.of(launcher).toRealPath().toString());
            } catch (java.io.IOException | RuntimeException e) {
                // a launcher that cannot be resolved is matched as given
            }
        }
        List<String> classPath = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                String absolute = Path.of(entry).toAbsolutePath().normalize().toString();
                classPath.add(absolute);
                // A child's main class must be code under test: in a child JVM the tests' and the
                // grader's classes may write the grading files (the report's main would write
                // results.json from reports of the student's choosing).
                if (Files.isDirectory(Path.of(absolute)) && JdkHooks.isCodeUnderTest(Path.of(absolute).toUri().toString())) {
                    folders.add(absolute);
                }
            }
        }
        String agent = location(net.bytebuddy.agent.Installer.class);
        List<String> guarded = new ArrayList<>(List.of(location(GuardedMain.class),
                location(net.bytebuddy.jar.asm.ClassReader.class), agent));
        guarded.add(GuardedMain.class.getName());
        // The build: the test JVM's parent (Maven) and up; a child JVM is told the same list.
        String build = System.getProperty(BUILD_PIDS);
        if (build == null) {
            List<String> pids = new ArrayList<>();
            for (var parent = ProcessHandle.current().parent(); parent.isPresent(); parent = parent.get().parent()) {
                pids.add(Long.toString(parent.get().pid()));
            }
            build = String.join(",", pids);
        }
        // The mistakes catalogue compiles each variant into a folder of its own under this root.
        String roots = System.getProperty(CLASS_ROOTS);
        String[] classRoots = roots == null ? new String[0]
                : new String[] {Path.of(roots).toAbsolutePath().normalize().toString()};
        booted().getMethod("configureProcesses", String[].class, String[].class, String[].class, String[].class,
                        String[].class, String[].class, String[].class)
                .invoke(null, launchers.toArray(String[]::new), classPath.toArray(String[]::new),
                        childOptions(agent, build),
                        folders.toArray(String[]::new), guarded.toArray(String[]::new),
                        build.isEmpty() ? new String[0] : build.split(","), classRoots);
        return true;
    }

    /** What a child JVM gets first: the agent, the hooks, and what its guards need to know of this JVM's. */
    private static String[] childOptions(String agent, String build) {
        List<String> options = new ArrayList<>(List.of("-javaagent:" + agent, "-Xbootclasspath/a:" + JdkRewriter.hooksJar(),
                "-XX:-PrintWarnings", "-D" + BUILD_PIDS + "=" + build));
        String grading = System.getProperty("grading.dir");
        if (grading != null) {
            options.add("-Dgrading.dir=" + Path.of(grading).toAbsolutePath().normalize());
        }
        String course = GradingFilesGuard.courseRoot();
        if (course != null) {
            options.add("-D" + GradingFilesGuard.COURSE_ROOT + "=" + Path.of(course).toAbsolutePath().normalize());
        }
        String autograder = GradingFilesGuard.autograderRoot();
        if (autograder != null && !autograder.isBlank()) {
            options.add("-D" + GradingFilesGuard.AUTOGRADER_ROOT + "=" + Path.of(autograder).toAbsolutePath().normalize());
        }
        return options.toArray(String[]::new);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hooks as the JDK sees them: the copy on the bootstrap class loader's path. */
    private static Class<?> booted() throws ClassNotFoundException {
        return Class.forName(JdkHooks.class.getName(), true, null);
    }
}
