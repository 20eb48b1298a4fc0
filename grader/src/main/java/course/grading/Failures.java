package course.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a test failure into text a student can read: the message first, then causes, then the
 * few frames of course code that matter. Bounded, so a runaway message cannot flood a report.
 */
public final class Failures {
    /** The most characters of one failure kept in any report. */
    public static final int MAX_CHARS = 4000;
    private static final int COURSE_FRAMES = 5;

    private Failures() {
    }

    /** The full description of a failure, bounded to {@link #MAX_CHARS}. */
    public static String describe(Throwable failure) {
        Outcome outcome = Outcome.of(failure);
        StringBuilder out = new StringBuilder();
        if (outcome == Outcome.NOT_IMPLEMENTED) {
            out.append(notImplementedMessage(failure));
        } else if (outcome == Outcome.ASSERTION || outcome == Outcome.TIMEOUT) {
            out.append(String.valueOf(failure.getMessage()).strip());
        } else {
            // Wrappers (ExceptionInInitializerError, ExecutionException, …) hide the real error:
            // lead with the innermost cause, then say how it travelled.
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            Throwable root = chain.get(chain.size() - 1);
            out.append(headline(root));
            for (int i = chain.size() - 2; i >= 0; i--) {
                out.append("\n  wrapped in ").append(headline(chain.get(i)));
            }
            appendCourseFrames(out, root);
        }
        return bound(out.toString(), MAX_CHARS);
    }

    /**
     * The same description, from a failure as the build recorded it: its type, message and
     * stack trace as text ({@code Type: message}, {@code \tat …} frames, {@code Caused by: …}).
     */
    public static String describe(Outcome outcome, String type, String message, String trace) {
        if (outcome == Outcome.NOT_IMPLEMENTED) {
            int at = String.valueOf(message).indexOf(Outcome.NOT_IMPLEMENTED_MARK);
            return bound(at >= 0 ? message.substring(at).strip() : message, MAX_CHARS);
        }
        if (outcome != Outcome.ERROR) {
            return bound(message == null || message.isBlank() ? simpleName(type) : message.strip(), MAX_CHARS);
        }
        List<String> headlines = new ArrayList<>();
        List<List<String>> frames = new ArrayList<>();
        headlines.add(simpleName(type) + (message == null || message.isBlank() ? "" : ": " + message.strip()));
        frames.add(new ArrayList<>());
        for (String line : String.valueOf(trace).split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("Caused by: ")) {
                String cause = stripped.substring("Caused by: ".length());
                int colon = cause.indexOf(": ");
                headlines.add(colon < 0 ? simpleName(cause) : simpleName(cause.substring(0, colon)) + cause.substring(colon));
                frames.add(new ArrayList<>());
            } else if (stripped.startsWith("at ") && isCourseFrame(stripped.substring(3))) {
                frames.get(frames.size() - 1).add(stripped.substring(3));
            }
        }
        StringBuilder out = new StringBuilder(headlines.get(headlines.size() - 1));
        for (int i = headlines.size() - 2; i >= 0; i--) {
            out.append("\n  wrapped in ").append(headlines.get(i));
        }
        List<String> shown = frames.get(frames.size() - 1).isEmpty()
                ? frames.stream().flatMap(List::stream).toList() : frames.get(frames.size() - 1);
        shown.stream().limit(COURSE_FRAMES).forEach(frame -> out.append("\n    at ").append(frame));
        return bound(out.toString(), MAX_CHARS);
    }

    private static String simpleName(String type) {
        String name = String.valueOf(type).strip();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static boolean isCourseFrame(String frame) {
        return frame.startsWith("course.") && !frame.startsWith("course.grading.");
    }

    /** The first line of a description, bounded for a table cell. */
    public static String firstLine(String description, int max) {
        String line = description == null ? "" : description.strip();
        int newline = line.indexOf('\n');
        return bound(newline < 0 ? line : line.substring(0, newline), max);
    }

    /** Cuts text to at most {@code max} characters, saying how much was cut. */
    public static String bound(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String note = " … [" + (text.length() - max) + " more characters cut]";
        return text.substring(0, Math.max(0, max - note.length())) + note;
    }

    private static String notImplementedMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            int at = message.indexOf(Outcome.NOT_IMPLEMENTED_MARK);
            if (at >= 0) {
                return message.substring(at).strip();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static String headline(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }

    private static void appendCourseFrames(StringBuilder out, Throwable root) {
        int shown = 0;
        for (StackTraceElement frame : root.getStackTrace()) {
            if (ThreadReport.isCourseCode(frame) && shown++ < COURSE_FRAMES) {
                out.append("\n    at ").append(ThreadReport.frame(frame));
            }
        }
    }
}
