package course.grading;

import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Keeps the code under test away from the files a grade is made of: the JUnit reports
 * ({@code TEST-*.xml} in {@code surefire-reports} or {@code failsafe-reports}), everything in a
 * {@code target/grading} folder (results.json) and Gradescope's {@code /autograder/results}.
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
 * resolved. See {@link JdkRewriter} for how the JDK's methods are rewritten.
 *
 * <p>What it cannot see: a child process (lessons that start processes), native code.
 */
public final class GradingFilesGuard {
    private static volatile boolean installed;

    private GradingFilesGuard() {
    }

    /** Installs the guard once per JVM; returns whether it is in place. */
    public static synchronized boolean install() {
        if (!installed) {
            boolean done = JdkRewriter.rewrite(java.io.FileOutputStream.class, WriteAdvice.class,
                    named("open").and(takesArguments(String.class, boolean.class)))
                    && JdkRewriter.rewrite(java.io.RandomAccessFile.class, WriteAdvice.class,
                    named("open").and(takesArguments(String.class, int.class)));
            if (done && !System.getProperty("os.name", "").startsWith("Windows")) {
                try {
                    done = JdkRewriter.rewrite(Class.forName("sun.nio.fs.UnixNativeDispatcher"), WriteAdvice.class,
                            namedOneOf("open", "openat", "rename", "renameat", "link", "symlink", "unlink", "unlinkat", "rmdir"))
                            && JdkRewriter.rewrite(Class.forName("java.io.UnixFileSystem"), WriteAdvice.class,
                            named("rename").and(takesArguments(java.io.File.class, java.io.File.class))
                                    .or(named("delete").and(takesArguments(java.io.File.class))));
                } catch (ClassNotFoundException e) {
                    done = false;
                }
            }
            installed = done;
        }
        return installed;
    }

    /**
     * Inlined at the start of the rewritten methods. It runs inside bootstrap classes, so it may
     * use only the JDK: no lambdas, no string concatenation with '+', no course classes.
     */
    static final class WriteAdvice {
        private WriteAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                          @Advice.AllArguments Object[] args) {
            // [0], [1]: files opened for writing (or linked to); [2], [3]: new names given to a file; [4]: a file deleted.
            String[] checks = new String[5];
            if (type.equals("java.io.FileOutputStream")) {
                checks[0] = (String) args[0];
            } else if (type.equals("java.io.RandomAccessFile")) {
                if ((((Integer) args[1]).intValue() & 2) != 0) {
                    checks[0] = (String) args[0];
                }
            } else if (type.equals("java.io.UnixFileSystem")) {
                checks[method.equals("rename") ? 2 : 4] = ((java.io.File) args[method.equals("rename") ? 1 : 0]).getPath();
            } else if (method.equals("open") || method.equals("unlink") || method.equals("rmdir")) {
                if (!method.equals("open")) {
                    checks[4] = String.valueOf(args[0]);
                } else if ((((Integer) args[1]).intValue() & 3) != 0) {
                    checks[0] = String.valueOf(args[0]);
                }
            } else if (method.equals("openat") || method.equals("renameat") || method.equals("unlinkat")) {
                boolean open = method.equals("openat");
                boolean rename = method.equals("renameat");
                if (!open || (((Integer) args[2]).intValue() & 3) != 0) {
                    int fd = ((Integer) args[rename ? 2 : 0]).intValue();
                    String name = new String((byte[]) args[rename ? 3 : 1], java.nio.charset.StandardCharsets.UTF_8);
                    if (!name.startsWith("/")) {
                        try {
                            name = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/"
                                    .concat(Integer.toString(fd)))).resolve(name).toString();
                        } catch (Exception | LinkageError unknown) {
                            // no /proc: the name is checked as it stands
                        }
                    }
                    checks[open ? 0 : rename ? 2 : 4] = name;
                }
            } else if (method.equals("rename")) {
                checks[2] = String.valueOf(args[1]);
            } else if (method.equals("link")) {
                checks[1] = String.valueOf(args[0]);
                checks[3] = String.valueOf(args[1]);
            } else if (method.equals("symlink")) {
                checks[3] = String.valueOf(args[1]);
            }
            for (int i = 0; i < checks.length; i++) {
                if (checks[i] == null) {
                    continue;
                }
                boolean newName = i == 2 || i == 3;
                boolean delete = i == 4;
                String shown = checks[i];
                String real;
                try {
                    java.nio.file.Path absolute = java.nio.file.Path.of(shown).toAbsolutePath().normalize();
                    java.nio.file.Path resolved = absolute;
                    if (!newName && !delete) {
                        try {
                            resolved = absolute.toRealPath();
                        } catch (java.io.IOException missing) {
                            resolved = null;
                        }
                    }
                    if (resolved == null || newName || delete) {
                        java.nio.file.Path parent = absolute.getParent();
                        try {
                            resolved = parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
                        } catch (java.io.IOException missing) {
                            resolved = absolute;
                        }
                    }
                    real = resolved.toString().replace('\\', '/');
                } catch (RuntimeException unreadable) {
                    real = shown.replace('\\', '/');
                }
                String name = real.substring(real.lastIndexOf('/') + 1);
                String folder = real.lastIndexOf('/') > 0 ? real.substring(0, real.lastIndexOf('/')) : "";
                String folderName = folder.substring(folder.lastIndexOf('/') + 1);
                boolean grading = real.contains("/target/grading/") || real.endsWith("/target/grading")
                        || real.startsWith("/autograder/results")
                        || name.startsWith("TEST-") && (folderName.equals("surefire-reports") || folderName.equals("failsafe-reports"))
                        || real.startsWith("/proc/") && name.equals("mem");
                if (newName && !grading) {
                    String here = java.nio.file.Path.of("").toAbsolutePath().toString().replace('\\', '/');
                    grading = name.equals("target") || name.equals("surefire-reports") || name.equals("failsafe-reports")
                            || here.equals(real) || here.startsWith(real.concat("/"));
                }
                if (!grading) {
                    continue;
                }
                // The test's own code may (a red-team test sets up stale reports); student code may not.
                StackWalker walker = StackWalker.getInstance(java.util.Set.of(
                        StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES,
                        StackWalker.Option.SHOW_REFLECT_FRAMES));
                java.util.stream.Stream.Builder<StackWalker.StackFrame> collected = java.util.stream.Stream.builder();
                walker.forEach(collected);
                boolean test = false;
                String student = null;
                for (Object each : collected.build().toArray()) {
                    StackWalker.StackFrame frame = (StackWalker.StackFrame) each;
                    java.security.CodeSource source = frame.getDeclaringClass().getProtectionDomain().getCodeSource();
                    String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
                    if (location.startsWith("file:") && location.endsWith("/test-classes/")) {
                        test = true;
                    } else if (location.startsWith("file:") && location.endsWith("/") && student == null) {
                        student = frame.toStackTraceElement().toString();
                    }
                }
                if (test && student == null) {
                    continue;
                }
                throw new SecurityException((newName ? "giving a file the name " : delete ? "deleting " : "writing to ").concat(shown)
                        .concat(student == null ? " was refused" : " was refused (called by ".concat(student).concat(")"))
                        .concat(": test reports and results.json are written by the build, never by your code."
                                + " Your code is graded on what it returns and does, not on files it writes."));
            }
        }
    }
}
