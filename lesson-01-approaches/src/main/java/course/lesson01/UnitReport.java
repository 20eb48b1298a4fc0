package course.lesson01;

import java.util.HashMap;
import java.util.Map;

/**
 * What a unit of execution found out about itself: which process it lives in and which thread
 * runs it. Exercise 3 collects one report from a platform thread, one from a virtual thread and
 * one from a child process.
 *
 * <p>A report travels between processes as one line of text ({@link #format()} and
 * {@link #parse(String)}), for example
 * {@code unit=process pid=4242 parentPid=4100 thread=main virtual=false daemon=false}.
 *
 * <p>Support code: you use it, you do not edit it.
 *
 * @param unit      what kind of unit made the report: {@code "platform thread"}, {@code "virtual thread"}
 *                  or {@code "process"} (spaces are written as {@code '_'} on the line)
 * @param pid       the id of the operating-system process the code ran in
 * @param parentPid the id of that process's parent, or -1 if unknown
 * @param thread    the name of the thread that ran the code
 * @param virtual   whether that thread is a virtual thread
 * @param daemon    whether that thread is a daemon thread (one that does not keep the JVM alive)
 */
public record UnitReport(String unit, long pid, long parentPid, String thread, boolean virtual, boolean daemon) {

    /**
     * Test support, not part of the exercise: runs at the start of every {@link #ofCurrentThread}
     * call, on the calling thread. The tests of exercise 3 use it to hold a report back until they
     * have seen that the code which started the thread really waits for it. Leave it alone.
     */
    static volatile Runnable beforeReport = () -> { };

    /**
     * Describes the calling thread and its process.
     *
     * @param unit what to call the unit in the report
     * @return the report, made on the calling thread
     */
    public static UnitReport ofCurrentThread(String unit) {
        beforeReport.run();
        ProcessHandle process = ProcessHandle.current();
        Thread thread = Thread.currentThread();
        return new UnitReport(unit, process.pid(), process.parent().map(ProcessHandle::pid).orElse(-1L),
                thread.getName(), thread.isVirtual(), thread.isDaemon());
    }

    /** The report as one line of {@code key=value} pairs, readable by {@link #parse(String)}. */
    public String format() {
        return "unit=" + unit.replace(' ', '_') + " pid=" + pid + " parentPid=" + parentPid
                + " thread=" + thread.replace(' ', '_') + " virtual=" + virtual + " daemon=" + daemon;
    }

    /**
     * Reads a line written by {@link #format()}.
     *
     * @param line the line, surrounding whitespace allowed
     * @return the report
     * @throws IllegalArgumentException if the line is not a report
     */
    public static UnitReport parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        try {
            return new UnitReport(
                    fields.get("unit").replace('_', ' '),
                    Long.parseLong(fields.get("pid")),
                    Long.parseLong(fields.get("parentPid")),
                    fields.get("thread").replace('_', ' '),
                    Boolean.parseBoolean(fields.get("virtual")),
                    Boolean.parseBoolean(fields.get("daemon")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a UnitReport line: '" + line + "'", e);
        }
    }
}
