package course.grading.boot;

import java.net.InetAddress;
import java.net.SocketException;

/**
 * The checks that the grader's guards put at the start of JDK methods ({@code Runtime.exit} and
 * {@code halt}, {@code sun.nio.ch.Net.connect}, the file methods of {@link #file}). The bootstrap class loader loads this class (the
 * guards append it to its search path), so that {@code java.base} can call it: it may use only
 * the JDK, and it keeps no state of its own. Calling it directly is harmless: it only checks.
 */
public final class JdkHooks {
    /** Where a blocked connection is recorded, so that the test fails even if the code caught the exception. */
    public static final String NETWORK_VIOLATION = "grading.network.blocked";

    /** Every frame with its class, hidden and reflective ones too: where a class was loaded from says whose it is. */
    private static final StackWalker FRAMES = StackWalker.getInstance(java.util.Set.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES,
            StackWalker.Option.SHOW_REFLECT_FRAMES));

    private JdkHooks() {
    }

    /**
     * At the start of {@code Runtime.exit} and {@code Runtime.halt}: throws if code of the course,
     * a class loaded from a folder (never from a jar, as the test runner is), is on the stack. Who
     * the caller is comes from the stack's classes and where they were loaded from, never from a
     * name the student can choose.
     */
    public static void exit(int status, String method) {
        StackWalker.StackFrame caller = FRAMES.walk(frames -> frames.filter(JdkHooks::isCourseCode).findFirst()).orElse(null);
        if (caller != null) {
            String call = "exit".equals(method) ? "System.exit(" : "Runtime.halt(";
            throw new SecurityException(call + status + ") was called by " + caller.toStackTraceElement()
                    + ": your code tried to end the test JVM. Never end the JVM in a method:"
                    + " return a value or throw an exception instead.");
        }
    }

    private static boolean isCourseCode(StackWalker.StackFrame frame) {
        String location = location(frame);
        return location.startsWith("file:") && location.endsWith("/");
    }

    /** Where the frame's class was loaded from: a class folder ends with '/'; "" for the JDK's own classes. */
    private static String location(StackWalker.StackFrame frame) {
        java.security.CodeSource source = frame.getDeclaringClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
    }

    /** At the start of {@code sun.nio.ch.Net.connect}: refuses any address but loopback and "any". */
    public static void connect(InetAddress address) throws SocketException {
        if (address != null && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
            String message = "no network beyond loopback during grading: a connection to " + address.getHostAddress()
                    + " was blocked. Tests use local servers on 127.0.0.1 only.";
            if (System.getProperty(NETWORK_VIOLATION) == null) {
                System.setProperty(NETWORK_VIOLATION, message);
            }
            throw new SocketException(message);
        }
    }

    /**
     * At the start of the JDK's file methods that the grading-files guard rewrites (see
     * {@code course.grading.GradingFilesGuard}): refuses code under test that writes, renames onto,
     * links or deletes a grading file, or reads Surefire's own files.
     *
     * @param type   the class of the rewritten method, e.g. {@code java.io.FileOutputStream}
     * @param method its name
     * @param args   its arguments, primitives boxed
     */
    public static void file(String type, String method, Object[] args) {
        // [0], [1]: files opened for writing (or linked to); [2], [3]: new names given to a file; [4]: a file deleted;
        // [5]: a file opened for reading.
        String[] checks = new String[6];
        if (type.equals("java.io.FileOutputStream")) {
            checks[0] = (String) args[0];
        } else if (type.equals("java.io.FileInputStream")) {
            checks[5] = (String) args[0];
        } else if (type.equals("java.io.RandomAccessFile")) {
            checks[(((Integer) args[1]).intValue() & 2) != 0 ? 0 : 5] = (String) args[0];
        } else if (type.equals("java.io.UnixFileSystem")) {
            checks[method.equals("rename") ? 2 : 4] = ((java.io.File) args[method.equals("rename") ? 1 : 0]).getPath();
        } else if (method.equals("open") || method.equals("unlink") || method.equals("rmdir")) {
            if (!method.equals("open")) {
                checks[4] = String.valueOf(args[0]);
            } else {
                checks[(((Integer) args[1]).intValue() & 3) != 0 ? 0 : 5] = String.valueOf(args[0]);
            }
        } else if (method.equals("openat") || method.equals("renameat") || method.equals("unlinkat")) {
            boolean open = method.equals("openat");
            boolean rename = method.equals("renameat");
            boolean read = open && (((Integer) args[2]).intValue() & 3) == 0;
            if (!read || new String((byte[]) args[1], java.nio.charset.StandardCharsets.UTF_8).contains("surefire")) {
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
                checks[read ? 5 : open ? 0 : rename ? 2 : 4] = name;
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
            if (i == 5) {
                // Surefire's own files (target/surefire/surefire*) hold the address and session id
                // of every test JVM's channel to Maven: code that read them could pose as another
                // test JVM and report its tests passed. Only the test JVM's start reads them.
                String read = checks[5].replace('\\', '/');
                int slash = read.lastIndexOf('/');
                if (!read.startsWith("surefire", slash + 1)) {
                    continue;
                }
                String dir = java.nio.file.Path.of(read).toAbsolutePath().normalize().getParent().toString().replace('\\', '/');
                if (!dir.endsWith("/surefire") && !dir.endsWith("/failsafe")) {
                    continue;
                }
            }
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
            // The class folders (a class written there after the gate ran would never be checked, a
            // test rewritten there would pass anything) and Surefire's folder of test JVM settings.
            for (int at = real.indexOf("/target/"); at >= 0 && !grading; at = real.indexOf("/target/", at + 1)) {
                String rest = real.substring(at + "/target/".length());
                String first = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
                grading = first.equals("classes") || first.equals("test-classes") || first.equals("grader-classes")
                        || first.equals("surefire") || first.equals("failsafe");
            }
            if (newName && !grading) {
                String here = java.nio.file.Path.of("").toAbsolutePath().toString().replace('\\', '/');
                grading = name.equals("target") || name.equals("surefire-reports") || name.equals("failsafe-reports")
                        || here.equals(real) || here.startsWith(real.concat("/"));
            }
            if (!grading && i != 5) {
                continue;
            }
            // The test's own code may (a red-team test sets up stale reports); student code may not.
            // The frames are collected without a lambda: this runs inside the JDK's file methods.
            java.util.stream.Stream.Builder<StackWalker.StackFrame> collected = java.util.stream.Stream.builder();
            FRAMES.forEach(collected);
            boolean test = false;
            String student = null;
            for (Object each : collected.build().toArray()) {
                StackWalker.StackFrame frame = (StackWalker.StackFrame) each;
                String location = location(frame);
                if (location.startsWith("file:") && location.endsWith("/test-classes/")) {
                    test = true;
                } else if (location.startsWith("file:") && location.endsWith("/") && student == null) {
                    student = frame.toStackTraceElement().toString();
                }
            }
            if (test && student == null || i == 5 && student == null) {
                continue;
            }
            if (i == 5) {
                throw new SecurityException("reading ".concat(shown).concat(" was refused (called by ").concat(student)
                        .concat("): Surefire's files are the build's, not your code's."));
            }
            throw new SecurityException((newName ? "giving a file the name " : delete ? "deleting " : "writing to ").concat(shown)
                    .concat(student == null ? " was refused" : " was refused (called by ".concat(student).concat(")"))
                    .concat(": the build's own files (class folders, test reports, results.json) are never your"
                            + " code's to change. Your code is graded on what it returns and does, not on files it writes."));
        }
    }
}
