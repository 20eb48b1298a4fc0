package catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, strict unified-diff reader and applier, as {@code diff -u} and {@code git diff} write
 * them. Every context and removed line of a hunk must match the file exactly (no fuzz, no
 * whitespace tolerance); a hunk may only move (an offset, when lines were added or removed
 * elsewhere in the file), never change. A patch that does not match is stale: the reference
 * changed under it, and it must be regenerated.
 */
final class Patch {
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");
    static final String DEV_NULL = "/dev/null";

    private Patch() {
    }

    /** A line of a hunk: ' ' context, '-' removed, '+' added. */
    record Line(char op, String text) {
    }

    /** One {@code @@ … @@} block; {@code patchLine} is its header's line number in the entry file. */
    record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines,
                boolean oldNoEol, boolean newNoEol, int patchLine) {
        List<String> oldLines() {
            return lines.stream().filter(l -> l.op() != '+').map(Line::text).toList();
        }

        List<String> newLines() {
            return lines.stream().filter(l -> l.op() != '-').map(Line::text).toList();
        }

        String header() {
            return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        }
    }

    /** The diff of one file. {@code oldPath} is {@link #DEV_NULL} for a new file. */
    record FileDiff(String oldPath, String newPath, List<Hunk> hunks) {
        String path() {
            return newPath.equals(DEV_NULL) ? oldPath : newPath;
        }

        boolean createsFile() {
            return oldPath.equals(DEV_NULL);
        }
    }

    /** A patch that cannot be read, or does not apply. */
    static final class PatchException extends Exception {
        private static final long serialVersionUID = 1L;

        PatchException(String message) {
            super(message);
        }
    }

    /**
     * Reads the file diffs of {@code lines} (the entry without its header). {@code firstLine} is
     * the line number of {@code lines.get(0)} in the entry file, for messages.
     */
    static List<FileDiff> parse(List<String> lines, int firstLine) throws PatchException {
        List<FileDiff> diffs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("diff ") || line.startsWith("index ")
                    || line.startsWith("new file mode ")) {
                i++;
                continue;
            }
            if (!line.startsWith("--- ")) {
                throw new PatchException("line " + (firstLine + i) + ": expected '--- a/<path>' (the start of a"
                        + " file's diff), found: " + line);
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("+++ ")) {
                throw new PatchException("line " + (firstLine + i + 1) + ": expected '+++ b/<path>' after '" + line + "'");
            }
            String oldPath = path(line, firstLine + i);
            String newPath = path(lines.get(i + 1), firstLine + i + 1);
            if (newPath.equals(DEV_NULL)) {
                throw new PatchException("line " + (firstLine + i + 1) + ": the patch deletes " + oldPath
                        + "; an entry may change or add files, not delete them");
            }
            if (!oldPath.equals(DEV_NULL) && !oldPath.equals(newPath)) {
                throw new PatchException("line " + (firstLine + i) + ": the diff renames " + oldPath + " to " + newPath
                        + "; old and new path must be the same file");
            }
            i += 2;
            List<Hunk> hunks = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("@@")) {
                int headerLine = firstLine + i;
                Matcher m = HUNK.matcher(lines.get(i));
                if (!m.matches()) {
                    throw new PatchException("line " + headerLine + ": not a hunk header: " + lines.get(i));
                }
                int oldStart = Integer.parseInt(m.group(1));
                int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int newStart = Integer.parseInt(m.group(3));
                int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                i++;
                List<Line> body = new ArrayList<>();
                int olds = 0;
                int news = 0;
                while (olds < oldCount || news < newCount) {
                    if (i >= lines.size()) {
                        throw new PatchException("line " + headerLine + ": the hunk " + lines.get(headerLine - firstLine)
                                + " ends early: it announces " + oldCount + " old and " + newCount
                                + " new lines (was the patch edited by hand? regenerate it with diff -u)");
                    }
                    String l = lines.get(i);
                    char op = l.isEmpty() ? ' ' : l.charAt(0); // an empty context line whose space an editor removed
                    String text = l.isEmpty() ? "" : l.substring(1);
                    switch (op) {
                        case ' ' -> {
                            olds++;
                            news++;
                        }
                        case '-' -> olds++;
                        case '+' -> news++;
                        case '\\' -> {
                            markNoEol(body, headerLine);
                            i++;
                            continue;
                        }
                        default -> throw new PatchException("line " + (firstLine + i) + ": a hunk line must start with"
                                + " ' ', '-' or '+', found: " + l);
                    }
                    if (olds > oldCount || news > newCount) {
                        throw new PatchException("line " + headerLine + ": the hunk " + lines.get(headerLine - firstLine)
                                + " has more lines than its header announces (regenerate it with diff -u)");
                    }
                    body.add(new Line(op, text));
                    i++;
                }
                if (i < lines.size() && lines.get(i).startsWith("\\")) {
                    markNoEol(body, headerLine);
                    i++;
                }
                // Which side(s) the "no newline" marker belongs to: the last line of that side.
                Line lastOld = null;
                Line lastNew = null;
                for (Line l : body) {
                    if (l.op() != '+') {
                        lastOld = l;
                    }
                    if (l.op() != '-') {
                        lastNew = l;
                    }
                }
                boolean oldNoEol = lastOld != null && lastOld.text().endsWith(NO_EOL);
                boolean newNoEol = lastNew != null && lastNew.text().endsWith(NO_EOL);
                List<Line> clean = body.stream().map(l -> l.text().endsWith(NO_EOL)
                        ? new Line(l.op(), l.text().substring(0, l.text().length() - NO_EOL.length())) : l).toList();
                hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, clean, oldNoEol, newNoEol, headerLine));
            }
            if (hunks.isEmpty()) {
                throw new PatchException("line " + (firstLine + i - 2) + ": the diff of " + newPath + " has no hunk");
            }
            diffs.add(new FileDiff(oldPath, newPath, hunks));
        }
        if (diffs.isEmpty()) {
            throw new PatchException("the entry has no diff after its header");
        }
        return diffs;
    }

    /** Marks, inside the text, that a line has no newline (stripped again once the hunk is read). */
    private static final String NO_EOL = "\u0000no-eol";

    private static void markNoEol(List<Line> body, int headerLine) throws PatchException {
        if (body.isEmpty()) {
            throw new PatchException("line " + headerLine + ": '\\ No newline at end of file' before any line");
        }
        Line last = body.remove(body.size() - 1);
        body.add(new Line(last.op(), last.text() + NO_EOL));
    }

    private static String path(String line, int lineNo) throws PatchException {
        String p = line.substring(4);
        int tab = p.indexOf('\t');
        if (tab >= 0) {
            p = p.substring(0, tab); // diff's timestamp
        }
        p = p.strip();
        if (p.equals(DEV_NULL)) {
            return p;
        }
        if (p.startsWith("a/") || p.startsWith("b/")) {
            p = p.substring(2);
        } else {
            throw new PatchException("line " + lineNo + ": paths must start with a/ and b/ (diff -u --label a/<path>"
                    + " --label b/<path>), found: " + line);
        }
        if (p.startsWith("/") || p.contains("\\") || List.of(p.split("/")).contains("..")) {
            throw new PatchException("line " + lineNo + ": the path must be relative to the reference tree: " + p);
        }
        if (!p.startsWith("course/") || !p.endsWith(".java")) {
            throw new PatchException("line " + lineNo + ": an entry changes Java sources of the reference tree"
                    + " (course/lessonNN/….java), not " + p);
        }
        return p;
    }

    /** The outcome of applying one file's diff: the new text, and how far the hunks had to move. */
    record Applied(String text, List<Integer> offsets) {
    }

    /**
     * Applies {@code diff} to {@code original} (null when the file does not exist).
     *
     * @throws PatchException naming the hunk and the first line that does not match
     */
    static Applied apply(String original, FileDiff diff) throws PatchException {
        if (diff.createsFile() && original != null) {
            throw new PatchException("the patch creates " + diff.path() + ", which exists in the reference");
        }
        if (!diff.createsFile() && original == null) {
            throw new PatchException(diff.path() + " does not exist in the reference tree (moved or renamed?)");
        }
        List<String> lines = new ArrayList<>();
        boolean eolAtEnd = true;
        if (original != null && !original.isEmpty()) {
            String[] split = original.split("\n", -1);
            for (String s : split) {
                lines.add(s);
            }
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            } else {
                eolAtEnd = false;
            }
        }
        List<String> out = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int cursor = 0;
        int number = 0;
        for (Hunk hunk : diff.hunks()) {
            number++;
            List<String> old = hunk.oldLines();
            int expected = hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1;
            int at = find(lines, old, expected, cursor, hunk.oldNoEol(), eolAtEnd);
            if (at < 0) {
                throw new PatchException("hunk " + number + " (" + hunk.header() + ", line " + hunk.patchLine()
                        + " of the entry) does not match " + diff.path() + ": " + mismatch(lines, old, expected));
            }
            offsets.add(at - expected);
            out.addAll(lines.subList(cursor, at));
            out.addAll(hunk.newLines());
            cursor = at + old.size();
            if (cursor == lines.size()) {
                eolAtEnd = !hunk.newNoEol();
            }
        }
        out.addAll(lines.subList(cursor, lines.size()));
        String text = String.join("\n", out) + (eolAtEnd && !out.isEmpty() ? "\n" : "");
        return new Applied(text, offsets);
    }

    /**
     * Where {@code old} occurs at or after {@code from}, nearest to {@code expected}; -1 if nowhere.
     * With {@code atUnterminatedEnd}, only a match that ends the file, whose last line has no
     * newline, counts.
     */
    private static int find(List<String> lines, List<String> old, int expected, int from,
                            boolean atUnterminatedEnd, boolean eolAtEnd) {
        int last = lines.size() - old.size();
        for (int distance = 0; ; distance++) {
            int below = expected - distance;
            int above = expected + distance;
            if (below < from && above > last) {
                return -1;
            }
            for (int at : distance == 0 ? new int[] {below} : new int[] {below, above}) {
                if (at >= from && at <= last && matches(lines, old, at)
                        && (!atUnterminatedEnd || at == last && !eolAtEnd)) {
                    return at;
                }
            }
        }
    }

    private static boolean matches(List<String> lines, List<String> old, int at) {
        for (int k = 0; k < old.size(); k++) {
            if (!lines.get(at + k).equals(old.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The first line where the hunk and the file disagree, at the hunk's own line numbers. */
    private static String mismatch(List<String> lines, List<String> old, int expected) {
        for (int k = 0; k < old.size(); k++) {
            int at = expected + k;
            if (at >= lines.size()) {
                return "the patch expects line " + (at + 1) + " to be `" + old.get(k).strip() + "`, but the reference has only "
                        + lines.size() + " lines";
            }
            if (!lines.get(at).equals(old.get(k))) {
                return "at line " + (at + 1) + " the patch expects `" + old.get(k).strip() + "` but the reference has `"
                        + lines.get(at).strip() + "`" + (old.get(k).strip().equals(lines.get(at).strip())
                        ? " (the indentation or trailing spaces differ)" : "")
                        + ", and the hunk matches nowhere else in the file";
            }
        }
        return "the hunk's lines are out of order with an earlier hunk";
    }
}
