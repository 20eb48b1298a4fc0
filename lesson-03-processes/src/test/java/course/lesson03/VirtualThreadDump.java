package course.lesson03;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The live virtual threads that run the student's code ({@code course.lessonNN}, not the grader),
 * which {@code Thread.getAllStackTraces()} never lists: read from the JDK's thread dump. A check
 * that looks only at platform threads would let a reader started with {@code Thread.ofVirtual()}
 * (or a virtual-thread executor) go unseen.
 */
final class VirtualThreadDump {
    private VirtualThreadDump() {
    }

    /** One virtual thread: its name (often empty) and its stack, innermost frame first. */
    record Virtual(String tid, String name, List<String> stack) {
        /** Whether it is blocked reading from a pipe (or a file). */
        boolean reading() {
            return stack.stream().anyMatch(frame -> frame.contains("java.io.FileInputStream.read"));
        }

        /** Whether it runs (or waits in) the student's code. */
        boolean student() {
            return stack.stream().anyMatch(frame -> {
                String bare = frame.contains("/") ? frame.substring(frame.indexOf('/') + 1) : frame;
                return bare.startsWith("course.") && !bare.startsWith("course.grading.");
            });
        }

        @Override
        public String toString() {
            return "'" + name + "' (a virtual thread)";
        }
    }

    /** The live virtual threads running the student's code, or none if the dump cannot be taken. */
    static List<Virtual> student() {
        return all().stream().filter(Virtual::student).toList();
    }

    /** {@link #student()} but the threads (by id) already alive in {@code before}. */
    static List<Virtual> studentSince(java.util.Set<String> before) {
        return student().stream().filter(v -> !before.contains(v.tid())).toList();
    }

    /** The ids of {@link #student()}. */
    static java.util.Set<String> studentIds() {
        return student().stream().map(Virtual::tid).collect(java.util.stream.Collectors.toSet());
    }

    private static List<Virtual> all() {
        List<Virtual> found = new ArrayList<>();
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("lesson03-threads");
            file = dir.resolve("threads.txt");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            String tid = null;
            String name = null;
            List<String> stack = null;
            for (String line : Files.readAllLines(file)) {
                String text = line.strip();
                if (text.startsWith("#")) {
                    if (name != null) {
                        found.add(new Virtual(tid, name, List.copyOf(stack)));
                    }
                    int space = text.indexOf(' ');
                    tid = space > 1 ? text.substring(1, space) : text;
                    boolean virtual = text.endsWith(" virtual") || text.contains("\" virtual");
                    int open = text.indexOf('"');
                    int close = text.lastIndexOf('"');
                    name = virtual ? (open >= 0 && close > open ? text.substring(open + 1, close) : "") : null;
                    stack = new ArrayList<>();
                } else if (name != null && !text.isEmpty()) {
                    stack.add(text.startsWith("at ") ? text.substring(3) : text);   // JDK 25 writes "at frame"
                }
            }
            if (name != null) {
                found.add(new Virtual(tid, name, List.copyOf(stack)));
            }
        } catch (IOException | RuntimeException e) {
            // no dump, no virtual threads seen: the platform-thread checks still run
        } finally {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a leftover temporary file
            }
        }
        return found;
    }
}
