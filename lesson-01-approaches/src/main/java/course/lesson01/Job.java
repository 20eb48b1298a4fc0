package course.lesson01;

/**
 * A piece of work for the simulated CPU of exercise 1: a name and how many time units it needs.
 *
 * <p>Every job is ready at time 0. The name appears in timelines and Mermaid charts, so it must
 * be non-blank and must not contain {@code ':'}, {@code '#'} or {@code ';'} (Mermaid would read
 * them as syntax).
 *
 * @param name     what the job is called, for example {@code "A"} or {@code "cake"}
 * @param duration the CPU time units the job needs, at least 1
 */
public record Job(String name, int duration) {
    public Job {
        if (name == null || name.isBlank() || name.matches(".*[:#;].*")) {
            throw new IllegalArgumentException("a job needs a non-blank name without ':', '#' or ';', got " + name);
        }
        if (duration < 1) {
            throw new IllegalArgumentException("job " + name + " needs at least 1 time unit, got " + duration);
        }
    }
}
