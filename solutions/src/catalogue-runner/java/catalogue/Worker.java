package catalogue;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Grades entries inside one JVM, one after another: apply the patch in memory to the reference
 * sources, compile the patched files with javax.tools against the compiled reference, load the
 * exercise's test class in a fresh child-first class loader (the entry's classes, then the
 * reference, then the tests) and run it with the JUnit Platform Launcher, with the grader's
 * extension and configuration, as the build would.
 *
 * <p>Protocol: the driver writes one entry path per line on stdin; the worker answers with one
 * {@link Result#encode() result line} on stdout. A worker whose JVM an entry spoiled (a deadlock
 * cycle or a spinning thread left behind, which would show up in the next entries' tests) says so
 * in the result and ends; the driver starts a fresh one.
 */
final class Worker {
    private static final String TIMEOUT_KEY = "junit.jupiter.execution.timeout.default";
    private static final int OUTPUT_LIMIT = 256 * 1024;
    private final Config config;
    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final LauncherSession session;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private Worker(Config config) throws IOException {
        this.config = config;
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JVM: run the build on a JDK, not a JRE");
        }
        this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        files.setLocation(StandardLocation.CLASS_PATH, List.of(config.classes().toFile()));
        // The grader's guards (no System.exit, no network beyond loopback) are installed in test
        // JVMs that have a grading folder (where they note the running test, for messages only).
        System.setProperty("grading.dir", config.work().resolve("grading").toString());
        // Each variant's classes are in a folder of their own under the work folder: child JVMs may use them.
        System.setProperty(course.grading.ProcessGuard.CLASS_ROOTS, config.work().toString());
        this.session = LauncherFactory.openSession();
    }

    /** Reads entry paths from stdin until "quit" or the end, answers each with a result line. */
    static void serve(Config config) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Only result lines go to stdout: whatever code prints outside an entry's run (threads an
        // entry left behind) goes to stderr, which the driver keeps in the worker's log.
        System.setOut(System.err);
        Worker worker = new Worker(config);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            Result result = worker.grade(Path.of(line)).withCpu(ProcessHandle.current().info().totalCpuDuration()
                    .map(java.time.Duration::toMillis).orElse(0L));
            protocol.println();
            protocol.println(result.encode());
            protocol.flush();
            if (result.restart()) {
                break;
            }
        }
        halt(0);
    }

    /**
     * Ends this JVM at once, whatever threads the entries left behind. Runtime.exit and halt are
     * refused to non-harness code once the grader's exit guard is installed, so Shutdown.halt is
     * called directly (the pom opens java.lang to the runner).
     */
    private static void halt(int status) {
        System.out.flush();
        System.err.flush();
        try {
            Method halt = Class.forName("java.lang.Shutdown").getDeclaredMethod("halt", int.class);
            halt.setAccessible(true);
            halt.invoke(null, status);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Runtime.getRuntime().halt(status);
        }
    }

    Result grade(Path file) {
        long start = System.nanoTime();
        String lessonDir = file.getParent().getFileName().toString();
        String fallbackName = lessonDir + "/" + file.getFileName();
        Entry entry;
        try {
            entry = Entry.read(file);
        } catch (Entry.MalformedEntry e) {
            return new Result(file.toString(), fallbackName, "?", Result.Status.MALFORMED, e.getMessage(), millis(start), false);
        } catch (IOException | RuntimeException e) {
            return new Result(file.toString(), fallbackName, "?", Result.Status.MALFORMED, String.valueOf(e), millis(start), false);
        }
        String kind = entry.kind().word();
        try {
            Map<String, String> patched = new LinkedHashMap<>();
            for (Patch.FileDiff diff : entry.diffs()) {
                String current = patched.containsKey(diff.path()) ? patched.get(diff.path()) : reference(diff.path());
                try {
                    patched.put(diff.path(), Patch.apply(current, diff).text());
                } catch (Patch.PatchException e) {
                    return new Result(file.toString(), entry.name(), kind, Result.Status.STALE, e.getMessage(), millis(start), false);
                }
            }
            Path dir = config.work().resolve(entry.lessonDir()).resolve(entry.slug());
            deleteTree(dir);
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            List<Path> sources = new ArrayList<>();
            for (var p : patched.entrySet()) {
                Path target = src.resolve(p.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, p.getValue(), StandardCharsets.UTF_8);
                sources.add(target);
            }
            long compileStart = System.nanoTime();
            String errors = compile(sources, classes);
            long testStart = System.nanoTime();
            if (errors != null) {
                return new Result(file.toString(), entry.name(), kind, Result.Status.COMPILE_ERROR,
                        errors + "\n(patched sources: " + config.root().relativize(src.toAbsolutePath()) + ")", millis(start), false);
            }
            if (entry.kind() == Entry.Kind.VALID) {
                String refused = gateRefusals(entry, dir, classes);
                if (refused != null) {
                    return new Result(file.toString(), entry.name(), kind, Result.Status.LOSES_POINTS,
                            "the grading gate refuses it, so grading would give the exercise 0: " + refused, millis(start), false);
                }
            }
            Run run = run(entry, classes, dir.resolve("output.txt"));
            long cleanStart = System.nanoTime();
            boolean spoiled = cleanUp(run.threadsBefore);
            return verdict(entry, run, millis(start), spoiled).withPhases(String.format(Locale.ROOT,
                    "patch %d ms, compile %d ms, %d test%s %d ms, clean-up %d ms",
                    (compileStart - start) / 1_000_000, (testStart - compileStart) / 1_000_000,
                    run.total, run.total == 1 ? "" : "s", (cleanStart - testStart) / 1_000_000, millis(cleanStart)));
        } catch (Exception | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return new Result(file.toString(), entry.name(), kind, Result.Status.ERROR,
                    Result.bounded(trace.toString(), 12, 3000), millis(start), true);
        }
    }

    private String reference(String path) throws IOException {
        Path file = config.sources().resolve(path);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
    }

    /** Compiles the patched files against the compiled reference; the errors, or null. */
    private String compile(List<Path> sources, Path classes) throws IOException {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-g", "-nowarn",
                "-encoding", "UTF-8");
        StringWriter javacOut = new StringWriter();
        boolean ok = javac.getTask(javacOut, files, diagnostics, options, null,
                files.getJavaFileObjectsFromPaths(sources)).call();
        if (ok) {
            return null;
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < 3) {
                String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
                errors.add(where + d.getMessage(Locale.ROOT));
            }
        }
        return errors.isEmpty() ? javacOut.toString().strip() : String.join("\n", errors);
    }

    /** One failing test (or container) and its message. */
    record Failure(String test, String message) {
    }

    /** What running the exercise's tests gave. */
    static final class Run {
        final List<Failure> failures = new ArrayList<>();
        int passed;
        int total;
        boolean classMissing;
        Set<Thread> threadsBefore;
    }

    private Run run(Entry entry, Path classes, Path outputFile) throws IOException {
        Run run = new Run();
        Thread current = Thread.currentThread();
        ClassLoader savedLoader = current.getContextClassLoader();
        String savedClassPath = System.getProperty("java.class.path");
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        BoundedOutput output = new BoundedOutput(OUTPUT_LIMIT);
        PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
        run.threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        try (VariantLoader loader = new VariantLoader(
                new URL[] {url(classes), url(config.classes()), url(config.testClasses())}, savedLoader)) {
            current.setContextClassLoader(loader);
            // Lesson 02 and 03 tests start child JVMs with this JVM's class path: the entry's classes first.
            System.setProperty("java.class.path", classes.toAbsolutePath() + File.pathSeparator + savedClassPath);
            System.setOut(capture);
            System.setErr(capture);
            Class<?> testClass;
            try {
                testClass = Class.forName(entry.testClassName(), false, loader);
            } catch (ClassNotFoundException e) {
                run.classMissing = true;
                return run;
            }
            LauncherDiscoveryRequestBuilder discovery = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass))
                    .configurationParameter(TIMEOUT_KEY, config.timeout());
            if (!config.tagsExcluded().isBlank() && !config.tagsExcluded().equals("none")) {
                discovery.filters(TagFilter.excludeTags(config.tagsExcluded().split(",")));
            }
            LauncherDiscoveryRequest request = discovery.build();
            CancellationToken cancel = CancellationToken.create();
            Launcher launcher = session.getLauncher();
            launcher.execute(LauncherExecutionRequestBuilder.request(request)
                    .listeners(new Collector(entry, run, cancel, config.all()))
                    .cancellationToken(cancel)
                    .build());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setProperty("java.class.path", savedClassPath);
            current.setContextClassLoader(savedLoader);
            capture.flush();
            Files.write(outputFile, output.bytes());
        }
        return run;
    }

    private Result verdict(Entry entry, Run run, long millis, boolean spoiled) {
        String file = entry.file().toString();
        String kind = entry.kind().word();
        if (run.classMissing) {
            return new Result(file, entry.name(), kind, Result.Status.NO_TESTS, "Exercise: " + entry.exercise()
                    + " names no test class: " + entry.testClassName() + " does not exist", millis, spoiled);
        }
        if (run.total == 0 && run.failures.isEmpty()) {
            return new Result(file, entry.name(), kind, Result.Status.NO_TESTS, "no test of " + entry.exercise()
                    + " ran (all excluded by tags '" + config.tagsExcluded() + "', or disabled?)", millis, spoiled);
        }
        if (entry.kind() == Entry.Kind.VALID) {
            if (run.failures.isEmpty()) {
                return new Result(file, entry.name(), kind, Result.Status.KEPT,
                        "all " + run.passed + " tests of " + entry.exercise() + " pass", millis, spoiled);
            }
            Failure first = run.failures.get(0);
            return new Result(file, entry.name(), kind, Result.Status.LOSES_POINTS,
                    "'" + first.test() + "' fails: " + first.message(), millis, spoiled);
        }
        if (run.failures.isEmpty()) {
            return new Result(file, entry.name(), kind, Result.Status.FULL_MARKS, "all " + run.passed + " tests of "
                    + entry.exercise() + " pass: the tests do not catch this mistake", millis, spoiled);
        }
        List<String> missing = missingPhrases(entry.expect(), run.failures);
        if (!missing.isEmpty()) {
            Failure first = run.failures.get(0);
            return new Result(file, entry.name(), kind, Result.Status.NO_PHRASE, "no failure message contains "
                    + String.join(", ", missing.stream().map(p -> "\"" + p + "\"").toList()) + "; "
                    + (run.failures.size() == 1 ? "the failing test" : "the first of " + run.failures.size()
                    + " failing tests") + " '" + first.test() + "' says: " + first.message(), millis, spoiled);
        }
        return new Result(file, entry.name(), kind, Result.Status.CAUGHT, run.failures.size() + " failing: "
                + String.join("; ", run.failures.stream().map(f -> "'" + f.test() + "'").toList())
                + "\nfirst message: " + run.failures.get(0).message(), millis, spoiled);
    }

    static List<String> missingPhrases(List<String> expect, List<Failure> failures) {
        List<String> missing = new ArrayList<>();
        for (String phrase : expect) {
            String lower = phrase.toLowerCase(Locale.ROOT);
            if (failures.stream().noneMatch(f -> f.message().toLowerCase(Locale.ROOT).contains(lower))) {
                missing.add(phrase);
            }
        }
        return missing;
    }

    /**
     * After an entry: interrupts the threads it left running (new threads, and any thread still
     * in course code, such as a test thread JUnit abandoned at a timeout) and waits a moment for
     * them to end or park. Returns whether the JVM is spoiled for the next entries: a deadlock
     * cycle (the tests' deadlock detectors would report it again) or a thread still running.
     */
    private boolean cleanUp(Set<Thread> before) throws InterruptedException {
        Thread self = Thread.currentThread();
        for (var t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey() != self && (isNew(t.getKey(), before) || runsCourseCode(t.getValue()))) {
                t.getKey().interrupt();
            }
        }
        long deadline = System.nanoTime() + 300_000_000L;
        boolean busy;
        while ((busy = anyBusy(before)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long[] deadlocked = threads.findDeadlockedThreads();
        return busy || deadlocked != null && deadlocked.length > 0;
    }

    /** Whether a thread still runs: in course code, a thread the entry started, or a virtual thread's carrier. */
    private static boolean anyBusy(Set<Thread> before) {
        for (var t : Thread.getAllStackTraces().entrySet()) {
            Thread thread = t.getKey();
            if (thread == Thread.currentThread() || thread.getState() != Thread.State.RUNNABLE) {
                continue;
            }
            StackTraceElement[] stack = t.getValue();
            if (runsCourseCode(stack) || isNew(thread, before) || carriesVirtualThread(stack)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNew(Thread t, Set<Thread> before) {
        return !before.contains(t) && t.isAlive() && !isInfrastructure(t);
    }

    private static boolean runsCourseCode(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("course.lesson")) {
                return true;
            }
        }
        return false;
    }

    /** A carrier thread with a virtual thread mounted (a virtual thread that runs, not parks). */
    private static boolean carriesVirtualThread(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals("jdk.internal.vm.Continuation") && frame.getMethodName().equals("enterSpecial")) {
                return true;
            }
        }
        return false;
    }

    /** Threads of the JDK and JUnit that outlive a test run by design (never the entry's). */
    private static boolean isInfrastructure(Thread t) {
        String type = t.getClass().getName();
        String name = t.getName();
        return type.startsWith("jdk.internal.") || type.startsWith("org.junit.") || type.startsWith("java.util.concurrent.DelayScheduler")
                || Stream.of("junit-", "process reaper", "Common-Cleaner", "InnocuousThread-", "Attach Listener",
                "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer", "JFR ", "Keep-Alive-",
                "HttpClient-", "ForkJoinPool.commonPool-", "DestroyJavaVM").anyMatch(name::startsWith);
    }

    private static URL url(Path dir) throws MalformedURLException {
        return dir.toAbsolutePath().toUri().toURL();
    }

    /**
     * What the grading gate, which reads a submission's classes before any test runs, refuses of a
     * valid entry (its classes laid over the lesson's compiled reference): its messages, or null.
     * A valid solution must pass the gate as it must pass the tests.
     */
    private String gateRefusals(Entry entry, Path dir, Path classes) throws IOException {
        Path laid = dir.resolve("gate");
        String lessonPath = Entry.lessonPackage(entry.lessonDir()).replace('.', '/');
        copyTree(config.classes().resolve(lessonPath), laid.resolve(lessonPath));
        copyTree(classes, laid);
        var byExercise = new course.grading.gate.Gate(config.root(), config.root().resolve(entry.lessonDir()))
                .check(laid, config.testClasses());
        List<String> messages = byExercise.values().stream().flatMap(List::stream)
                .map(course.grading.gate.Gate.Refusal::message).distinct().toList();
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Loads the lessons' classes ({@code course.lessonNN.…}) itself, the entry's first, then the
     * reference's, then the tests'; everything else (the grader, JUnit, AssertJ, the JDK) from
     * the parent, so the grader's extension and JUnit see one copy of their classes.
     */
    static final class VariantLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        VariantLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent); // unnamed, so stack frames read as in a test JVM of the build
        }

        private static boolean ownClass(String name) {
            return name.startsWith("course.lesson");
        }

        private static boolean ownResource(String name) {
            return name.startsWith("course/lesson");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!ownClass(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            if (ownResource(name)) {
                URL own = findResource(name);
                if (own != null) {
                    return own;
                }
            }
            return super.getResource(name);
        }

        @Override
        public URL findResource(String name) {
            return ownResource(name) ? super.findResource(name) : null; // junit-platform.properties, services: the parent's, once
        }

        @Override
        public Enumeration<URL> findResources(String name) throws IOException {
            return ownResource(name) ? super.findResources(name) : java.util.Collections.emptyEnumeration();
        }
    }

    /** Collects failures; cancels the rest of the run once the verdict cannot change. */
    static final class Collector implements TestExecutionListener {
        private final Entry entry;
        private final Run run;
        private final CancellationToken cancel;
        private final boolean all;
        private TestPlan plan;

        Collector(Entry entry, Run run, CancellationToken cancel, boolean all) {
            this.entry = entry;
            this.run = run;
            this.cancel = cancel;
            this.all = all;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                run.total++;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    if (id.isTest()) {
                        run.passed++;
                    }
                    return;
                }
                case ABORTED -> {
                    if (cancel.isCancellationRequested()) {
                        return;
                    }
                    run.failures.add(new Failure(name(id), "aborted: " + result.getThrowable().map(Worker::describe).orElse("")));
                }
                case FAILED -> run.failures.add(new Failure(name(id), result.getThrowable().map(Worker::describe)
                        .orElse("failed without an exception")));
            }
            boolean decided = entry.kind() == Entry.Kind.VALID
                    || missingPhrases(entry.expect(), run.failures).isEmpty();
            if (decided && !all) {
                cancel.cancel();
            }
        }

        /** The test's display names below its class: "Exercise 5 · … › opposite transfers › [2] 4 threads". */
        private String name(TestIdentifier id) {
            List<String> names = new ArrayList<>();
            for (TestIdentifier t = id; t != null; t = plan == null ? null : plan.getParent(t).orElse(null)) {
                if (t.getParentId().isEmpty()) {
                    break; // the engine
                }
                names.add(0, t.getDisplayName());
            }
            if (names.size() > 1) {
                names.remove(0); // the exercise's class: the entry names it already
            }
            return String.join(" › ", names);
        }
    }

    /**
     * A failure as the student reads it: an assertion's message, or for any other exception the
     * innermost cause first, then how it travelled.
     */
    static String describe(Throwable failure) {
        if (failure instanceof AssertionError) {
            return String.valueOf(failure.getMessage()).strip();
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        StringBuilder out = new StringBuilder(headline(chain.get(chain.size() - 1)));
        for (int i = chain.size() - 2; i >= 0; i--) {
            out.append("\n  wrapped in ").append(headline(chain.get(i)));
        }
        return out.toString();
    }

    private static String headline(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
    }

    /** Keeps the first {@code limit} bytes of what the tests print. */
    static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private long dropped;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < limit) {
                bytes.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, Math.min(len, limit - bytes.size()));
            bytes.write(b, off, room);
            dropped += len - room;
        }

        synchronized byte[] bytes() {
            String note = dropped == 0 ? "" : "\n… " + dropped + " more bytes not kept\n";
            byte[] head = bytes.toByteArray();
            byte[] tail = note.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, head.length, tail.length);
            return all;
        }
    }
}
