package catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the mistakes catalogue: {@code solutions/catalogue/<lesson-dir>/<slug>.patch}, a
 * header, then a unified diff against the reference tree.
 *
 * <pre>
 * Exercise: BankTest
 * Kind: mistake
 * Expect: deadlock; opposite orders
 * Why: each transfer locks its 'from' account first, so two opposite transfers deadlock.
 * --- a/course/lesson04/Bank.java
 * +++ b/course/lesson04/Bank.java
 * &#64;&#64; -44,8 +44,8 &#64;&#64;
 * …
 * </pre>
 */
record Entry(Path file, String lessonDir, String slug, String exercise, Kind kind, List<String> expect,
             String why, List<Patch.FileDiff> diffs) {

    enum Kind {
        MISTAKE, VALID;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern HEADER = Pattern.compile("([A-Za-z]+):\\s*(.*)");
    private static final Pattern LESSON = Pattern.compile("lesson-(\\d{2})(?:-.*)?");
    private static final List<String> KEYS = List.of("Exercise", "Kind", "Expect", "Why");

    /** An entry that cannot be read: its header or its diff is malformed. */
    static final class MalformedEntry extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedEntry(String message) {
            super(message);
        }
    }

    /** {@code lesson-04-sync/bank-unlock-outside-finally}: how reports name an entry. */
    String name() {
        return lessonDir + "/" + slug + ".patch";
    }

    /** {@code course.lesson04}, from the lesson folder's name. */
    static String lessonPackage(String lessonDir) {
        Matcher m = LESSON.matcher(lessonDir);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a lesson folder (lesson-NN-topic): " + lessonDir);
        }
        return "course.lesson" + m.group(1);
    }

    /** The exercise's test class, e.g. {@code course.lesson04.BankTest}. */
    String testClassName() {
        return lessonPackage(lessonDir) + "." + exercise;
    }

    static Entry read(Path file) throws IOException, MalformedEntry {
        String lessonDir = file.getParent().getFileName().toString();
        String fileName = file.getFileName().toString();
        String slug = fileName.endsWith(".patch") ? fileName.substring(0, fileName.length() - 6) : fileName;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n"); // a checkout with CRLF line endings (the sources are read the same way)
        List<String> lines = List.of(text.split("\n", -1));
        Map<String, String> header = new LinkedHashMap<>();
        int i = 0;
        String lastKey = null;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("--- ") || line.startsWith("diff ")) {
                break;
            }
            if (line.isBlank() || line.startsWith("#")) {
                lastKey = null;
                continue;
            }
            if (lastKey != null && Character.isWhitespace(line.charAt(0))) {
                header.put(lastKey, header.get(lastKey) + " " + line.strip()); // a folded long Why
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (!m.matches() || !KEYS.contains(m.group(1))) {
                throw new MalformedEntry("line " + (i + 1) + ": expected a header line (" + String.join(": , ", KEYS)
                        + ": ) or the diff ('--- a/<path>'), found: " + line);
            }
            if (header.containsKey(m.group(1))) {
                throw new MalformedEntry("line " + (i + 1) + ": '" + m.group(1) + ":' appears twice");
            }
            lastKey = m.group(1);
            header.put(lastKey, m.group(2).strip());
        }
        String exercise = required(header, "Exercise");
        if (!exercise.matches("[A-Z][A-Za-z0-9_]*")) {
            throw new MalformedEntry("Exercise: must be the simple name of the exercise's test class (e.g. BankTest),"
                    + " found: " + exercise);
        }
        Kind kind = switch (required(header, "Kind").toLowerCase(Locale.ROOT)) {
            case "mistake" -> Kind.MISTAKE;
            case "valid" -> Kind.VALID;
            default -> throw new MalformedEntry("Kind: must be 'mistake' or 'valid', found: " + header.get("Kind"));
        };
        List<String> expect = new ArrayList<>();
        for (String phrase : header.getOrDefault("Expect", "").split(";")) {
            if (!phrase.isBlank()) {
                expect.add(phrase.strip());
            }
        }
        if (kind == Kind.MISTAKE && expect.isEmpty()) {
            throw new MalformedEntry("a mistake needs 'Expect:' with at least one phrase its failure message must"
                    + " contain (phrases separated by ';')");
        }
        if (kind == Kind.VALID && !expect.isEmpty()) {
            throw new MalformedEntry("a valid alternative has no 'Expect:' (it must fail no test)");
        }
        String why = required(header, "Why");
        List<Patch.FileDiff> diffs;
        try {
            diffs = Patch.parse(lines.subList(i, lines.size()), i + 1);
        } catch (Patch.PatchException e) {
            throw new MalformedEntry(e.getMessage());
        }
        lessonPackage(lessonDir);
        return new Entry(file, lessonDir, slug, exercise, kind, List.copyOf(expect), why, diffs);
    }

    private static String required(Map<String, String> header, String key) throws MalformedEntry {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new MalformedEntry("the header has no '" + key + ":' line");
        }
        return value;
    }
}
