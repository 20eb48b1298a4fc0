package catalogue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Finds the selected entries, has a few worker JVMs grade them (each worker takes the next entry
 * when it is done with one), replaces a worker whose JVM an entry spoiled or killed, and prints
 * one line per lesson, the entries that failed, and the total.
 */
final class Driver {
    private static final String PREFIX = "[catalogue] ";
    /** The ceilings of a real grading run (Delays.CEILING's default, grading.timeout), for a second opinion. */
    private static final String RELAXED_CEILING = "5";
    private static final String RELAXED_TIMEOUT = "10 s";
    private static final int ENTRIES_PER_WORKER = 4;
    private final Config config;
    private final PrintStream out;
    private final Deque<Path> queue = new ArrayDeque<>();
    private final Map<Path, Result> results = new LinkedHashMap<>();
    private final AtomicInteger workersStarted = new AtomicInteger();
    private final AtomicInteger workerNumbers = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong workerCpuMillis = new java.util.concurrent.atomic.AtomicLong();

    Driver(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Grades the selected entries; returns why the build must fail, or null. */
    String run() throws Exception {
        long start = System.nanoTime();
        Map<String, List<Path>> byLesson = entries();
        // Round robin over the lessons: the heavy ones (lesson 03 starts child JVMs) do not all run at once.
        List<java.util.Iterator<Path>> lessons = new ArrayList<>(byLesson.values().stream().map(List::iterator).toList());
        while (!lessons.isEmpty()) {
            lessons.removeIf(it -> !it.hasNext());
            for (java.util.Iterator<Path> it : lessons) {
                queue.add(it.next());
            }
        }
        for (Path entry : queue) {
            results.put(entry, null);
        }
        Files.createDirectories(config.work());
        // A worker's start costs more than a typical entry: a few entries each at least.
        int slots = Math.max(1, Math.min(config.forks(), (queue.size() + ENTRIES_PER_WORKER - 1) / ENTRIES_PER_WORKER));
        List<Thread> slotThreads = new ArrayList<>();
        for (int i = 0; i < slots && !queue.isEmpty(); i++) {
            Thread slot = Thread.ofPlatform().name("catalogue-slot-" + i).start(this::slot);
            slotThreads.add(slot);
        }
        for (Thread slot : slotThreads) {
            slot.join();
        }
        synchronized (relaxedLock) {
            if (relaxed != null) {
                relaxed.stop();
                relaxed = null;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return report(byLesson, wall);
    }

    /** The selected lessons (folders lesson-NN-* of the course, or of the catalogue) and their entries. */
    private Map<String, List<Path>> entries() throws IOException {
        TreeSet<String> lessons = new TreeSet<>();
        for (Path dir : List.of(config.root(), config.catalogue())) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                            .filter(n -> n.matches("lesson-\\d{2}-.+")).forEach(lessons::add);
                }
            }
        }
        Map<String, List<Path>> byLesson = new LinkedHashMap<>();
        for (String lesson : lessons) {
            if (!config.selects(lesson)) {
                continue;
            }
            List<Path> entries = new ArrayList<>();
            Path dir = config.catalogue().resolve(lesson);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".patch"))
                            .filter(p -> config.selectsEntry(p.getFileName().toString().replace(".patch", "")))
                            .sorted().map(Path::toAbsolutePath).forEach(entries::add);
                }
            }
            byLesson.put(lesson, entries);
        }
        return byLesson;
    }

    private synchronized Path next() {
        return queue.poll();
    }

    private synchronized void record(Path entry, Result result) {
        results.put(entry, result);
        if (config.verbose()) {
            out.println(PREFIX + String.format(Locale.ROOT, "%-6s %5.1f s  %s  [%s%s]", result.ok() ? "ok" : "FAILED",
                    result.millis() / 1000.0, result.name(), result.phases(),
                    result.restart() ? "; JVM spoiled: a new worker JVM takes over" : ""));
            if (result.ok() && result.status() == Result.Status.CAUGHT) {
                out.println(PREFIX + "                " + Result.bounded(result.detail(), 1, 400));
            }
        }
    }

    /** The one worker JVM with grading's ceilings, shared by the slots: few entries need a second opinion. */
    private WorkerProcess relaxed;
    /** Guards {@link #relaxed}: not this driver's monitor, which the slots take for every entry. */
    private final Object relaxedLock = new Object();

    /** Grades an entry again with grading's ceilings, one entry at a time. */
    private Result gradeRelaxed(Path entry) throws IOException {
        synchronized (relaxedLock) {
            if (relaxed == null) {
                relaxed = new WorkerProcess(true);
            }
            Result again = relaxed.grade(entry);
            if (again.restart() || !relaxed.alive()) {
                relaxed.stop();
                relaxed = null;
            }
            return again;
        }
    }

    /** One worker slot: hands entries to its worker JVM, one at a time, restarting it when needed. */
    private void slot() {
        WorkerProcess worker = null;
        try {
            Path entry;
            while ((entry = next()) != null) {
                if (worker == null) {
                    worker = new WorkerProcess(false);
                }
                Result result = worker.grade(entry);
                if (result.restart() || !worker.alive()) {
                    worker.stop();
                    worker = null;
                }
                if (result.status() == Result.Status.LOSES_POINTS || result.status() == Result.Status.NO_PHRASE) {
                    // Maybe only the lowered ceilings on a busy machine: grade again as grading would.
                    Result first = result;
                    Result again = gradeRelaxed(entry);
                    result = again.ok() ? again.withNote("with the lowered ceilings (" + config.ceiling() + " s, "
                            + config.timeout() + ") it " + result.status().words + ", with grading's (" + RELAXED_CEILING
                            + " s, " + RELAXED_TIMEOUT + ") it passes: a busy machine, or a test close to its ceiling?")
                            : again.withNote("confirmed with grading's ceilings (" + RELAXED_CEILING + " s, "
                            + RELAXED_TIMEOUT + ")");
                    result = result.plusMillis(first.millis());
                }
                record(entry, result);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (worker != null) {
                worker.stop();
            }

        }
    }

    /** A worker JVM: the same java, JVM options and class path as this one, plus --worker. */
    private final class WorkerProcess {
        private final Process process;
        private final BufferedWriter in;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Path log;
        private long lastCpuMillis;

        WorkerProcess(boolean relaxed) throws IOException {
            int number = workerNumbers.incrementAndGet();
            workersStarted.incrementAndGet();
            log = config.work().resolve("worker-" + number + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (!config.agent().isBlank()) {
                command.add("-javaagent:" + config.agent()); // as in surefire: Mockito's inline mocks, the grader's guards
            }
            command.addAll(List.of("-Dfile.encoding=UTF-8", "-Xshare:auto", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", // short-lived code: C1 only costs half the CPU
                    "-Dgrading.ceiling=" + (relaxed ? RELAXED_CEILING : config.ceiling()), "-Dcourse.root=" + config.root(),
                    // a worker ends itself with Shutdown.halt: the grader's exit guard refuses System.exit
                    "--add-opens=java.base/java.lang=ALL-UNNAMED"));
            command.add("-cp");
            command.add(classPath());
            command.add(CatalogueRunner.class.getName());
            command.add("--worker");
            command.addAll(config.args());
            if (relaxed) {
                command.add("--timeout=" + RELAXED_TIMEOUT); // the last --timeout wins
            }
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            Thread.ofPlatform().daemon().name("catalogue-worker-" + number + "-reader").start(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        int mark = line.indexOf(Result.MARK);
                        if (mark >= 0) {
                            lines.add(line.substring(mark));
                        } else if (!line.isEmpty()) {
                            Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        }
                    }
                } catch (IOException ignored) {
                    // the worker ended
                } finally {
                    lines.add("");
                }
            });
        }

        Result grade(Path entry) throws IOException {
            long start = System.nanoTime();
            String name = entry.getParent().getFileName() + "/" + entry.getFileName();
            try {
                in.write(entry.toString());
                in.newLine();
                in.flush();
                String line = lines.poll(config.entryTimeoutSeconds(), TimeUnit.SECONDS);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (line == null) {
                    stop();
                    return new Result(entry.toString(), name, "?", Result.Status.TIMED_OUT, "no verdict after "
                            + config.entryTimeoutSeconds() + " s (-Dcatalogue.entry.timeout); the worker JVM was"
                            + " killed. A test with its own long @Timeout, or code that ignores interrupts?",
                            millis, true);
                }
                if (line.isEmpty()) {
                    process.waitFor(5, TimeUnit.SECONDS);
                    return new Result(entry.toString(), name, "?", Result.Status.CRASHED, "the worker JVM ended while"
                            + " grading this entry (exit code " + (process.isAlive() ? "?" : process.exitValue())
                            + "); see " + config.root().relativize(log.toAbsolutePath()), millis, true);
                }
                Result result = Result.decode(line);
                lastCpuMillis = result.cpuMillis();
                return result;
            } catch (IOException e) {
                return new Result(entry.toString(), name, "?", Result.Status.CRASHED, "the worker JVM is gone ("
                        + e.getMessage() + "); see " + config.root().relativize(log.toAbsolutePath()), 0, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        void stop() {
            workerCpuMillis.addAndGet(lastCpuMillis);
            lastCpuMillis = 0;
            try {
                in.write("quit");
                in.newLine();
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The test class path: of the loader exec:java gave this class, else this JVM's. */
    private static String classPath() {
        if (Driver.class.getClassLoader() instanceof java.net.URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry is not a file: " + url, e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private String report(Map<String, List<Path>> byLesson, double wall) {
        int wrong = 0;
        int caught = 0;
        int valid = 0;
        int kept = 0;
        double entrySeconds = 0;
        List<Result> failed = new ArrayList<>();
        out.println();
        for (var lesson : byLesson.entrySet()) {
            int w = 0;
            int w1 = 0;
            int v = 0;
            int v1 = 0;
            long millis = 0;
            for (Path entry : lesson.getValue()) {
                Result r = results.get(entry);
                millis += r.millis();
                switch (r.kind()) {
                    case "mistake" -> {
                        w++;
                        w1 += r.ok() ? 1 : 0;
                    }
                    case "valid" -> {
                        v++;
                        v1 += r.ok() ? 1 : 0;
                    }
                    default -> {
                        // malformed: neither; it fails below
                    }
                }
                if (!r.ok()) {
                    failed.add(r);
                }
            }
            out.println(PREFIX + lesson.getKey() + ": " + counts(w, w1, v, v1)
                    + String.format(Locale.ROOT, " (%.1f s)", millis / 1000.0));
            wrong += w;
            caught += w1;
            valid += v;
            kept += v1;
            entrySeconds += millis / 1000.0;
        }
        for (Result r : results.values()) {
            if (r.ok() && !r.note().isEmpty()) {
                out.println(PREFIX + "note: " + r.name() + " (" + r.kind() + "): " + r.note());
            }
        }
        for (Result r : failed) {
            out.println(PREFIX + "FAILED " + r.name() + " (" + r.kind() + "): " + r.status().words + ": "
                    + indent(Result.bounded(r.detail(), 10, 1500)) + (r.note().isEmpty() ? "" : " (" + r.note() + ")"));
        }
        out.println(PREFIX + "total: " + counts(wrong, caught, valid, kept));
        out.println(PREFIX + String.format(Locale.ROOT, "time: %.1f s (%d entries graded in %.1f s by %d worker JVM%s,"
                        + " %.1f s of CPU; -Dcatalogue.verbose=true lists each entry)", wall, results.size(), entrySeconds,
                workersStarted.get(), workersStarted.get() == 1 ? "" : "s", workerCpuMillis.get() / 1000.0));
        if (!failed.isEmpty()) {
            String message = "mistakes catalogue: " + failed.size() + " of " + results.size() + " entries failed: "
                    + String.join(", ", failed.stream().map(Result::name).toList())
                    + " (see the [catalogue] lines above; solutions/catalogue/README.md says how to fix or regenerate an entry)";
            return message;
        }
        return null;
    }

    private static String counts(int w, int w1, int v, int v1) {
        return w + " wrong solutions, " + w1 + " lose points; " + v + " valid alternatives, " + v1 + " keep full marks";
    }

    private static String indent(String text) {
        return text.replace("\n", "\n" + PREFIX + "    ");
    }
}
