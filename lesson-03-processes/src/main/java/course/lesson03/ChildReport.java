package course.lesson03;

/**
 * What a {@link ListAppender} child process says about itself.
 *
 * @param pid       the child's own process id, as the child saw it
 * @param parentPid the child's parent's process id, as the child saw it
 * @param listSize  how many elements the child's {@link ListAppender#NUMBERS} held when it finished
 */
public record ChildReport(long pid, long parentPid, int listSize) {
    /** Parses the child's line {@code pid=<pid> parent=<parentPid> size=<listSize>}. */
    public static ChildReport parse(String line) {
        if (line == null) {
            throw new IllegalArgumentException("the child printed nothing");
        }
        long pid = -1;
        long parent = -1;
        int size = -1;
        for (String part : line.trim().split("\\s+")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "pid" -> pid = Long.parseLong(kv[1]);
                    case "parent" -> parent = Long.parseLong(kv[1]);
                    case "size" -> size = Integer.parseInt(kv[1]);
                    default -> { }
                }
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("not a ListAppender report: '" + line + "'");
        }
        return new ChildReport(pid, parent, size);
    }
}
