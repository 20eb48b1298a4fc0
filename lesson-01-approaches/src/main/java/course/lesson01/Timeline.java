package course.lesson01;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated single CPU did, slice by slice, in time order.
 *
 * <p>Gaps between slices are time the CPU spent on something other than the jobs, for example
 * switching from one job to another.
 *
 * @param slices the slices in the order they ran
 */
public record Timeline(List<Slice> slices) {
    public Timeline {
        slices = List.copyOf(slices);
        for (int i = 1; i < slices.size(); i++) {
            if (slices.get(i).start() < slices.get(i - 1).end()) {
                throw new IllegalArgumentException("slices overlap or are out of order: "
                        + slices.get(i - 1) + " then " + slices.get(i) + " (one CPU runs one job at a time)");
            }
        }
    }

    /**
     * When each job finished (the end of its last slice), in the order the jobs finished.
     *
     * @return job name to completion time
     */
    public Map<String, Integer> completionTimes() {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (Slice slice : slices) {
            last.remove(slice.job());
            last.put(slice.job(), slice.end());
        }
        return last;
    }

    /** When the last job finished: the total time the CPU needed for all the jobs. */
    public int makespan() {
        return slices.isEmpty() ? 0 : slices.getLast().end();
    }

    /** The average completion time of the jobs: how long, on average, a job's owner waited. */
    public double averageCompletion() {
        return completionTimes().values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    @Override
    public String toString() {
        return slices.toString();
    }
}
