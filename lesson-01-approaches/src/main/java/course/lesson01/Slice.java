package course.lesson01;

/**
 * One uninterrupted stretch of CPU time given to one job: from {@code start} (inclusive) to
 * {@code end} (exclusive), in the simulation's time units.
 *
 * @param job   the name of the job that ran
 * @param start when it started running
 * @param end   when it stopped running (was preempted or finished); greater than {@code start}
 */
public record Slice(String job, int start, int end) {
    public Slice {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a slice needs 0 <= start < end, got " + job + " [" + start + ", " + end + ")");
        }
    }

    /** How many time units this slice lasted. */
    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return job + "[" + start + "," + end + ")";
    }
}
