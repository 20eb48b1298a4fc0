package catalogue;

import java.util.ArrayList;
import java.util.List;

/** What grading one entry gave, as a worker JVM reports it to the driver (one protocol line). */
record Result(String file, String name, String kind, Status status, String detail, long millis, boolean restart,
              String phases, long cpuMillis, String note) {
    static final String MARK = "@@catalogue-result\t";

    enum Status {
        /** A mistake that loses points, with every Expect phrase in its failure messages. */
        CAUGHT(true, "loses points"),
        /** A valid alternative that keeps full marks. */
        KEPT(true, "keeps full marks"),
        FULL_MARKS(false, "earns full marks"),
        NO_PHRASE(false, "loses points, but the failure messages lack an Expect phrase"),
        LOSES_POINTS(false, "loses points"),
        STALE(false, "does not apply to the reference (stale)"),
        MALFORMED(false, "is malformed"),
        COMPILE_ERROR(false, "does not compile"),
        NO_TESTS(false, "ran no test"),
        ERROR(false, "could not be graded"),
        CRASHED(false, "ended the worker JVM"),
        TIMED_OUT(false, "took too long");

        final boolean ok;
        final String words;

        Status(boolean ok, String words) {
            this.ok = ok;
            this.words = words;
        }
    }

    Result(String file, String name, String kind, Status status, String detail, long millis, boolean restart) {
        this(file, name, kind, status, detail, millis, restart, "", 0, "");
    }

    Result withPhases(String text) {
        return new Result(file, name, kind, status, detail, millis, restart, text, cpuMillis, note);
    }

    /** With the CPU time the worker JVM has used so far (without its child processes). */
    Result withCpu(long millis) {
        return new Result(file, name, kind, status, detail, this.millis, restart, phases, millis, note);
    }

    /** With more time spent on it (a second run). */
    Result plusMillis(long more) {
        return new Result(file, name, kind, status, detail, millis + more, restart, phases, cpuMillis, note);
    }

    /** With a remark for the report (a second opinion with grading's ceilings). */
    Result withNote(String text) {
        return new Result(file, name, kind, status, detail, millis, restart, phases, cpuMillis, text);
    }

    boolean ok() {
        return status.ok;
    }

    String encode() {
        return MARK + String.join("\t", escape(file), escape(name), escape(kind), status.name(), escape(detail),
                Long.toString(millis), Boolean.toString(restart), escape(phases), Long.toString(cpuMillis), escape(note));
    }

    static Result decode(String line) {
        String[] f = line.substring(MARK.length()).split("\t", -1);
        return new Result(unescape(f[0]), unescape(f[1]), unescape(f[2]), Status.valueOf(f[3]), unescape(f[4]),
                Long.parseLong(f[5]), Boolean.parseBoolean(f[6]), unescape(f[7]), Long.parseLong(f[8]), unescape(f[9]));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** At most {@code maxLines} lines and {@code maxChars} characters of a message, for the console. */
    static String bounded(String text, int maxLines, int maxChars) {
        List<String> lines = new ArrayList<>(List.of(text.strip().split("\n")));
        boolean cut = false;
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            cut = true;
        }
        String joined = String.join("\n", lines);
        if (joined.length() > maxChars) {
            joined = joined.substring(0, maxChars);
            cut = true;
        }
        return cut ? joined + " …" : joined;
    }
}
