package course.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The line format shared by {@link ResultRecorder} (writes) and the report (reads): tab-separated
 * fields, with backslash, tab and line breaks escaped, one event per line.
 *
 * <pre>
 * planned   &lt;uniqueId&gt;
 * dynamic   &lt;uniqueId&gt; &lt;parentId&gt; &lt;displayName&gt;
 * started   &lt;uniqueId&gt;
 * finished  &lt;uniqueId&gt; &lt;outcome&gt; &lt;message&gt;
 * </pre>
 */
public final class Events {
    private Events() {
    }

    public static String planned(String id) {
        return line("planned", id);
    }

    public static String dynamic(String id, String parentId, String displayName) {
        return line("dynamic", id, parentId, displayName);
    }

    public static String started(String id) {
        return line("started", id);
    }

    public static String finished(String id, Outcome outcome, String message) {
        return line("finished", id, outcome.word(), message);
    }

    static String line(String... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(escape(fields[i]));
        }
        return out.toString();
    }

    /** Splits a line back into its fields. */
    public static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                field.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
