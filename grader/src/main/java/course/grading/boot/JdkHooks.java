package course.grading.boot;

import java.net.InetAddress;
import java.net.SocketException;

/**
 * The checks that the grader's guards put at the start of JDK methods ({@code Runtime.exit} and
 * {@code halt}, {@code sun.nio.ch.Net.connect}, the file methods of {@link #file},
 * {@code ProcessImpl.start}), and what {@code Thread.start} records for tests that watch it. The
 * bootstrap class loader loads this class (the guards append it to its search path), so that
 * {@code java.base} can call it: it may use only the JDK. Its only
 * state is the rules, set once per JVM ({@link #configureProcesses}, {@link #configureFiles}), the
 * commands tests hand to the code under test ({@link #allowCommand}) and the names threads started
 * with ({@link #started}); student code can change none of it.
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

    /** Where code under test may write (real paths: the temporary folder, the lesson's folder); null: anywhere. */
    private static volatile String[] writable;

    /** Folders under a writable root that code under test may still not write (the course, when it lies in /tmp). */
    private static volatile String[] unwritable;

    /**
     * Sets, once, where code under test may write files (see {@link #file}): under {@code roots}
     * (the temporary folder, the lesson's folder), but not under {@code excluded} (the course)
     * unless under the lesson's folder.
     */
    public static synchronized void configureFiles(String[] roots, String[] excluded) {
        if (writable == null) {
            unwritable = excluded.clone();
            writable = roots.clone();
        }
    }

    /** Whether code under test may write at this real path: the lesson's folder, or the temporary folder outside the course. */
    private static boolean writableByCode(String real, String[] roots) {
        for (int i = 0; i < roots.length; i++) {
            if (real.equals(roots[i]) || real.startsWith(roots[i].concat("/"))) {
                // roots[0] is the temporary folder: the course may lie inside it.
                if (i > 0 || !underRoot(real, unwritable) && !java.util.Arrays.asList(unwritable).contains(real)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Child JVM options the process rules add, the launchers and class path they accept; null until configured. */
    private static volatile String[][] processRules;

    /** Commands tests gave the code under test to run (exact argument lists). */
    private static final java.util.Set<java.util.List<String>> ALLOWED_COMMANDS =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Sets the process rules of this JVM, once (later calls change nothing).
     *
     * @param launchers   the {@code java} executables a child JVM may be started with
     * @param classPath   the class path entries a child JVM may use (absolute)
     * @param options     the options put first in every child JVM started by code under test (the guards' agent)
     * @param classFolder the folders of those entries that hold code under test, where a child's main class must be
     * @param guarded     the grader's entries appended to a child's class path, then its main class that installs
     *                    the guards in the child and runs the real main
     * @param build       the pids of the processes that run the build (Maven and what started it), which code
     *                    under test may not end
     * @param classRoots  folders whose class folders a child JVM may use too (the mistakes catalogue's
     *                    variants, each compiled into a folder of its own); none in grading
     */
    public static synchronized void configureProcesses(String[] launchers, String[] classPath, String[] options,
                                                       String[] classFolder, String[] guarded, String[] build,
                                                       String[] classRoots) {
        if (processRules == null) {
            processRules = new String[][] {launchers.clone(), classPath.clone(), options.clone(), classFolder.clone(),
                    guarded.clone(), build.clone(), classRoots.clone()};
        }
    }

    private static boolean underRoot(String entry, String[] roots) {
        for (String root : roots) {
            if (entry.startsWith(root.concat("/"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the start of {@code ProcessHandleImpl.destroyProcess}, where every {@code destroy} and
     * {@code destroyForcibly} ends: code under test may not end the build (the Maven JVM or what
     * started it), which would leave every exercise without a grade.
     */
    public static void destroy(ProcessHandle target) {
        String[][] rules = processRules;
        if (rules == null || !java.util.Arrays.asList(rules[5]).contains(Long.toString(target.pid()))) {
            return;
        }
        String student = studentFrame();
        if (student != null) {
            throw new SecurityException("ending process " + target.pid() + " was refused (called by " + student
                    + "): it runs the build that grades your code. End only the processes your code started.");
        }
    }

    /**
     * Lets code under test run exactly {@code command} (the test chose it: a test of a process
     * runner). Refused when code under test calls it.
     */
    public static void allowCommand(java.util.List<String> command) {
        String student = studentFrame();
        if (student != null) {
            throw new SecurityException("only a test may allow a command (called by " + student + ")");
        }
        ALLOWED_COMMANDS.add(java.util.List.copyOf(command));
    }

    /**
     * At the start of {@code ProcessImpl.start(cmdarray, environment, dir, redirects, redirectErrorStream)}:
     * the arguments it goes on with. Code under test (a class folder's code on the stack that is
     * not the tests') may start only a command a test allowed, or a JVM of the course (a
     * {@code java} launcher, a class path of the test JVM's, a main class of the lesson's, a few
     * harmless options), which is started with the grader's guards in it; never with a changed
     * {@code PATH}, {@code LD_*} or other variable that changes what a program runs. So no
     * process started by student code can outlive the test JVM unguarded and rewrite a report.
     */
    public static Object[] process(Object[] args) throws java.io.IOException {
        String[][] rules = processRules;
        String student = rules == null ? null : studentFrame();
        if (student == null) {
            return args;
        }
        String[] command = ((String[]) args[0]).clone();
        java.util.List<String> asList = java.util.Arrays.asList(command);
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> environment = (java.util.Map<String, String>) args[1];
        if (environment != null) {
            environment = new java.util.HashMap<>(environment);
            for (java.util.Map.Entry<String, String> variable : environment.entrySet()) {
                String name = variable.getKey();
                if (!variable.getValue().equals(System.getenv(name)) && changesWhatRuns(name)) {
                    throw refused(asList, student, "it sets " + name + ", which changes what the child runs");
                }
            }
        }
        if (!ALLOWED_COMMANDS.contains(asList)) {
            command = guardedJvm(command, rules, asList, student, (String) args[2]);
        }
        Object[] vetted = args.clone();
        vetted[0] = command;
        vetted[1] = environment;
        return vetted;
    }

    private static boolean changesWhatRuns(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return java.util.Set.of("PATH", "CLASSPATH", "ENV", "BASH_ENV", "IFS", "PS4", "SHELLOPTS", "BASHOPTS",
                        "GCONV_PATH", "LOCPATH", "NLSPATH", "HOSTALIASES", "GLIBC_TUNABLES", "PROMPT_COMMAND").contains(upper)
                || upper.startsWith("LD_") || upper.startsWith("DYLD_") || upper.startsWith("BASH_FUNC")
                || upper.startsWith("MALLOC_") || upper.contains("JAVA") && upper.contains("OPTIONS");
    }

    /** {@code command} as a JVM of the course with the guards' options added, or an exception that says why not. */
    private static String[] guardedJvm(String[] command, String[][] rules, java.util.List<String> asList, String student,
                                       String directory) throws java.io.IOException {
        java.util.List<String> launchers = java.util.Arrays.asList(rules[0]);
        java.util.List<String> classPath = java.util.Arrays.asList(rules[1]);
        String[] guarded = rules[4];
        if (!launchers.contains(command[0]) && !launchers.contains(onPath(command[0]))) {
            throw refused(asList, student, "code under test may start only the commands its test gives it (exactly"
                    + " as given: no shell around them), and child JVMs of the course (the command ChildJvm.command"
                    + " or JavaProcesses.command builds)");
        }
        java.util.List<String> result = new java.util.ArrayList<>();
        result.add(command[0]);
        result.addAll(java.util.Arrays.asList(rules[2]));
        String[] givenClassPath = null;
        int at = 1;
        for (; at < command.length && (command[at].startsWith("-") || command[at].startsWith("@")); at++) {
            String option = command[at];
            if ((option.equals("-cp") || option.equals("-classpath") || option.equals("--class-path"))
                    && at + 1 < command.length) {
                givenClassPath = command[++at].split(java.io.File.pathSeparator, -1);
                continue;
            }
            if (!harmlessJvmOption(option)) {
                throw refused(asList, student, "a child JVM's option " + option + " is not one the course uses");
            }
            result.add(option);
        }
        if (givenClassPath == null || at >= command.length) {
            throw refused(asList, student, "a child JVM needs -cp and a main class (JavaProcesses.command builds both)");
        }
        java.nio.file.Path here = java.nio.file.Path.of(directory == null ? "" : directory).toAbsolutePath();
        for (int i = 0; i < givenClassPath.length; i++) {
            String entry = givenClassPath[i];
            givenClassPath[i] = entry.isEmpty() ? entry : here.resolve(entry).normalize().toString();
            if (!classPath.contains(givenClassPath[i]) && !underRoot(givenClassPath[i], rules[6])) {
                throw refused(asList, student, "a child JVM may use only the test JVM's class path, not " + entry);
            }
        }
        String main = command[at];
        boolean found = false;
        if (main.matches("[\\p{javaJavaIdentifierPart}.$]+") && !main.endsWith(".java")) {
            // The JVM runs the main class from the first entry that has it: that one must be code under test.
            for (String entry : givenClassPath) {
                if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(entry, main.replace('.', '/') + ".class"))) {
                    found = java.util.Arrays.asList(rules[3]).contains(entry) || underRoot(entry, rules[6]);
                    break;
                }
            }
        }
        if (!found) {
            throw refused(asList, student, "a child JVM's main class must be one of the lesson's, not " + main);
        }
        result.add("-cp");
        result.add(String.join(java.io.File.pathSeparator, givenClassPath) + java.io.File.pathSeparator
                + String.join(java.io.File.pathSeparator, java.util.Arrays.copyOf(guarded, guarded.length - 1)));
        result.add(guarded[guarded.length - 1]);
        result.addAll(asList.subList(at, asList.size()));
        return result.toArray(new String[0]);
    }

    /** A bare program name as the JDK finds it on the {@code PATH} (its real path), or the name itself. */
    private static String onPath(String program) {
        if (program.contains("/")) {
            return program;
        }
        for (String folder : String.valueOf(System.getenv("PATH")).split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(folder.isEmpty() ? "." : folder, program);
            if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                try {
                    return candidate.toRealPath().toString();
                } catch (java.io.IOException e) {
                    return program;
                }
            }
        }
        return program;
    }

    private static boolean harmlessJvmOption(String option) {
        if (option.startsWith("-D")) {
            String name = option.substring(2).split("=", 2)[0];
            return java.util.Set.of("file.encoding", "stdout.encoding", "stderr.encoding", "java.awt.headless").contains(name)
                    || !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                    || name.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("grading."));
        }
        return option.matches("-X(mx|ms|ss)\\d+[kKmMgG]?|-Xshare:(auto|off|on)|-Xint|-Xbatch|-(ea|da|esa|dsa)(:[\\w.$]*)?"
                + "|-XX:(TieredStopAtLevel|ActiveProcessorCount|CICompilerCount)=\\d+"
                + "|-XX:[+-](UseSerialGC|UseParallelGC|UseG1GC|TieredCompilation|UseCompressedOops)");
    }

    private static java.io.IOException refused(java.util.List<String> command, String student, String why) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < command.size() && i < 4; i++) {
            String argument = command.get(i);
            shown.append(i == 0 ? "" : " ").append(argument.length() > 40 ? argument.substring(0, 37) + "…" : argument);
        }
        return new java.io.IOException("starting '" + shown + (command.size() > 4 ? " …'" : "'") + " was refused (called by "
                + student + "): " + why + ". During grading no process started by your code may run anything else.");
    }

    /**
     * The first frame of code under test (a class folder's, not the tests' {@code test-classes} or
     * the grader's {@code grader-classes}, which the grade run compiles on its own), or null: the first one a student would recognise (not a lambda's hidden frame) if there is one.
     */
    private static String studentFrame() {
        return studentFrame(new boolean[1]);
    }

    /**
     * {@link #studentFrame()}, and in {@code testSeen[0]} whether a test's frame is on the stack (all
     * of it when there is no student frame). The frames are collected without a lambda: this runs
     * inside the JDK's file and process methods.
     */
    private static String studentFrame(boolean[] testSeen) {
        java.util.stream.Stream.Builder<StackWalker.StackFrame> collected = java.util.stream.Stream.builder();
        FRAMES.forEach(collected);
        String hidden = null;
        for (Object each : collected.build().toArray()) {
            StackWalker.StackFrame frame = (StackWalker.StackFrame) each;
            String location = location(frame);
            testSeen[0] |= location.startsWith("file:") && location.endsWith("/test-classes/");
            if (isCodeUnderTest(location)) {
                if (!frame.getDeclaringClass().isHidden()) {
                    return frame.toStackTraceElement().toString();
                }
                hidden = hidden == null ? frame.toStackTraceElement().toString() : hidden;
            }
        }
        return hidden;
    }

    /**
     * Whether classes loaded from this location (a code source's URL) are code under test: a class
     * folder's, not the tests' ({@code test-classes}) or the grader's ({@code grader-classes}).
     * Jars (the test runner, the libraries) and the JDK's own classes are not.
     */
    public static boolean isCodeUnderTest(String location) {
        return location.startsWith("file:") && location.endsWith("/") && !location.endsWith("/test-classes/")
                && !location.endsWith("/grader-classes/");
    }

    /**
     * What an {@code equals} of code under test may answer ({@link course.grading.EqualsGuard}):
     * its own answer, but never yes to an object that is not an instance of {@code declaring}.
     */
    public static boolean equalsVerdict(boolean said, Object other, Class<?> declaring) {
        return said && declaring.isInstance(other);
    }

    /** The name each thread had when it was started, once a test watches starts (weak keys: threads come and go). */
    private static final java.util.Map<Thread, String> NAMES_AT_START =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** At the start of {@code Thread.start} and {@code VirtualThread.start}: the thread's name as it starts. */
    public static void started(Thread thread) {
        NAMES_AT_START.putIfAbsent(thread, thread.getName());
    }

    /** The name {@code thread} had when it was started, or null if its start was not seen. */
    public static String nameAtStart(Thread thread) {
        return NAMES_AT_START.get(thread);
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
     * links or deletes a grading file or any file outside the folders it may write in, or reads
     * Surefire's own files.
     *
     * @param type   the class of the rewritten method, e.g. {@code java.io.FileOutputStream}
     * @param method its name
     * @param args   its arguments, primitives boxed
     */
    public static void file(String type, String method, Object[] args) {
        // No link at all from code under test: a link in the lesson's folder makes what the build
        // writes there later (Failsafe, in Maven's JVM, where no guard runs) go where the link
        // points, and a chain of dangling links hides where that is (the red team had Failsafe
        // write a test's printed output over another exercise's report). No solution needs one.
        if (method.equals("link") || method.equals("symlink")) {
            String student = studentFrame();
            if (student != null) {
                throw new SecurityException("creating the link ".concat(String.valueOf(args[1]))
                        .concat(" was refused (called by ").concat(student).concat("): a link would make what the build"
                                + " writes there later go elsewhere. Your code needs no links: write the files themselves."));
            }
        }
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
            String[] roots = writable;
            boolean outside = i != 5 && !grading && roots != null && !real.startsWith("/dev/") && !writableByCode(real, roots);
            if (!grading && !outside && i != 5) {
                continue;
            }
            // The test's own code may (a red-team test sets up stale reports); student code may not.
            boolean[] test = {false};
            String student = studentFrame(test);
            if (test[0] && student == null || (i == 5 || outside) && student == null) {
                continue;
            }
            if (i == 5) {
                throw new SecurityException("reading ".concat(shown).concat(" was refused (called by ").concat(student)
                        .concat("): Surefire's files are the build's, not your code's."));
            }
            throw new SecurityException((newName ? "giving a file the name " : delete ? "deleting " : "writing to ").concat(shown)
                    .concat(student == null ? " was refused" : " was refused (called by ".concat(student).concat(")"))
                    .concat(outside ? ": during grading your code may write files only in the temporary folder"
                            + " (java.io.tmpdir) and the lesson's own folder; a file elsewhere (another lesson, the"
                            + " Maven repository, a program on the PATH) could change how other code is built or graded."
                            : ": the build's own files (class folders, test reports, results.json) are never your"
                            + " code's to change. Your code is graded on what it returns and does, not on files it writes."));
        }
    }
}
