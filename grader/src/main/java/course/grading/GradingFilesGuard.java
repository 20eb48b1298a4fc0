package course.grading;

import course.grading.boot.JdkHooks;
import net.bytebuddy.jar.asm.Opcodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the code under test away from the files a grade is made of: the JUnit reports
 * ({@code TEST-*.xml} in {@code surefire-reports} or {@code failsafe-reports}), everything in a
 * {@code target/grading} folder (results.json), Gradescope's {@code /autograder/results}, the class
 * folders ({@code target/classes}, {@code test-classes}, {@code grader-classes}: a class written
 * there after the gate would run unchecked, a test rewritten there would pass anything) and
 * Surefire's folder of test JVM settings ({@code target/surefire}).
 *
 * <p>The static gate refuses the usual ways to write files, but the JDK has many more
 * ({@code java.util.logging.FileHandler}, {@code SecureDirectoryStream}, XML transformers, …).
 * This guard sits where every one of them ends in the test JVM: opening a file for writing
 * ({@code FileOutputStream}, {@code RandomAccessFile}, NIO's {@code open}/{@code openat}), and
 * giving a file a new name (rename, hard or symbolic link), deleting one. A write into a grading
 * file, a link to one, its deletion, or a rename onto one (or onto a folder that holds them) throws a
 * {@link SecurityException}, unless the test's own code does it (a frame from a
 * {@code test-classes} folder on the stack, and none from any other class folder): student code,
 * and JDK threads running on their own, never may. Paths are compared after symbolic links are
 * resolved. Nor may student code read Surefire's own files ({@code target/surefire/surefire*}):
 * they hold the address and session id of each test JVM's channel to Maven, with which code
 * could pose as another test JVM. See {@link JdkRewriter} for how the JDK's methods are rewritten
 * to call {@link JdkHooks#file} first.
 *
 * <p>Student code may write files only in the temporary folder and the lesson's own folder
 * (minus the grading files): a file elsewhere (another lesson's tests before they are compiled, a
 * jar in the Maven repository, a program on the {@code PATH}) could change what is built, loaded
 * or run after this test. Child JVMs of code under test run with this guard too ({@link ProcessGuard}).
 *
 * <p>What it cannot see: native code.
 */
public final class GradingFilesGuard {
    /** The course root as a child JVM is told it (a {@code grading.} property, which code under test cannot set). */
    static final String COURSE_ROOT = "grading.course-root";

    /**
     * The autograder's folder as a child JVM is told it: run_autograder exports {@code AUTOGRADER_ROOT}
     * (its adapter's classes, the templates and the results live there), which may lie in the
     * temporary folder when an instructor regrades with it.
     */
    static final String AUTOGRADER_ROOT = "grading.autograder-root";

    private static volatile boolean installed;

    private GradingFilesGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            boolean done = JdkRewriter.rewrite(java.io.FileOutputStream.class, checks("open", "(Ljava/lang/String;Z)")) > 0
                    && JdkRewriter.rewrite(java.io.FileInputStream.class, checks("open", "(Ljava/lang/String;)")) > 0
                    && JdkRewriter.rewrite(java.io.RandomAccessFile.class, checks("open", "(Ljava/lang/String;I)")) > 0;
            if (done && !System.getProperty("os.name", "").startsWith("Windows")) {
                try {
                    done = JdkRewriter.rewrite(Class.forName("sun.nio.fs.UnixNativeDispatcher"), checks("open", "", "openat", "",
                            "rename", "", "renameat", "", "link", "", "symlink", "", "unlink", "", "unlinkat", "", "rmdir", "")) > 0
                            && JdkRewriter.rewrite(Class.forName("java.io.UnixFileSystem"),
                            checks("rename", "(Ljava/io/File;Ljava/io/File;)", "delete", "(Ljava/io/File;)")) > 0;
                } catch (ClassNotFoundException e) {
                    done = false;
                }
            }
            installed = done && configure();
        }
        return installed;
    }

    /**
     * Tells the hooks where code under test may write: the temporary folder and the lesson's own
     * folder ({@code grading.dir} is its {@code target/grading}), as real paths, minus the grading
     * files. Nowhere else: a file written into another lesson, the Maven repository or a folder on
     * the {@code PATH} could change what is built, loaded or run after this test.
     */
    private static boolean configure() {
        List<String> roots = new ArrayList<>();
        try {
            roots.add(real(Path.of(System.getProperty("java.io.tmpdir"))));
            String grading = System.getProperty("grading.dir");
            if (grading != null) {
                // <lesson>/target/grading: the lesson's own folder is two up.
                roots.add(real(Path.of(grading).toAbsolutePath().normalize().getParent().getParent()));
            }
            // The course itself is never the code's to write, even when it lies in the temporary folder,
            // nor the autograder's folder (the red team replaced the adapter that run_autograder runs
            // after the build, in an AUTOGRADER_ROOT under /tmp).
            List<String> excluded = new ArrayList<>();
            for (String folder : new String[] {courseRoot(), autograderRoot()}) {
                if (folder != null && !folder.isBlank()) {
                    excluded.add(real(Path.of(folder).toAbsolutePath().normalize()));
                }
            }
            Class.forName(JdkHooks.class.getName(), true, null).getMethod("configureFiles", String[].class, String[].class)
                    .invoke(null, roots.toArray(String[]::new), excluded.toArray(String[]::new));
            return true;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            System.err.println("[grader] could not set where code under test may write: " + e);
            return false;
        }
    }

    /** The autograder's folder: as a child JVM was told it, else as run_autograder exports it; null elsewhere. */
    static String autograderRoot() {
        return System.getProperty(AUTOGRADER_ROOT, System.getenv("AUTOGRADER_ROOT"));
    }

    /** The course's root folder: as a child JVM was told it, else as the build gives it; null outside the build. */
    static String courseRoot() {
        return System.getProperty(COURSE_ROOT, System.getProperty("course.root"));
    }

    /**
     * The path with symbolic links resolved and '/' as separator, as the hooks compare them (as
     * given when it does not exist yet).
     */
    private static String real(Path path) throws IOException {
        return (Files.exists(path) ? path.toRealPath() : path).toString().replace('\\', '/');
    }

    /**
     * The prologue that passes the method's class, name and arguments to {@link JdkHooks#file}.
     *
     * @param methods pairs: a method's name, and how its descriptor starts ("" for any)
     */
    private static JdkRewriter.Prologue checks(String... methods) {
        List<String> pairs = Arrays.asList(methods);
        return (type, access, method, descriptor, code) -> {
            int at = pairs.indexOf(method);
            if (at < 0 || at % 2 != 0 || !descriptor.startsWith(pairs.get(at + 1))) {
                return false;
            }
            code.visitLdcInsn(type.replace('/', '.'));
            code.visitLdcInsn(method);
            JdkRewriter.pushArguments(access, descriptor, code);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, JdkRewriter.HOOKS, "file",
                    "(Ljava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)V", false);
            return true;
        };
    }
}
