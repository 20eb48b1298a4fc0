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

    /**
     * A failure as a student should read it, from what the build recorded: its type, message and
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
        // A carriage return too: the student's text after one would rewrite the points table's row
        // on a terminal ("+10/10"), and a GitHub log reads it as a line of its own.
        return bound(line.split("[\r\n]", 2)[0], max);
    }

    /** Cuts text to at most {@code max} characters, saying how much was cut. */
    public static String bound(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String note = " … [" + (text.length() - max) + " more characters cut]";
        return text.substring(0, Math.max(0, max - note.length())) + note;
    }

}
