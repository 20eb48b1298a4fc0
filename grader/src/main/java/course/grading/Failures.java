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
