package course.lesson05;

import java.util.Objects;

/**
 * What a worker reports for one job: either the value the job produced or the exception it threw.
 *
 * <p>A worker never lets a job's exception escape (that would kill the worker and silently
 * shrink the pool). It catches the exception and reports it as a {@link Failure}, so the
 * consumer of the results sees exactly one result per job, good or bad.
 *
 * <pre>{@code
 * switch (pool.results().take()) {
 *     case Result.Success<String, Boolean>(var domain, var free) -> System.out.println(domain + " free: " + free);
 *     case Result.Failure<String, Boolean>(var domain, var error) -> System.out.println(domain + " failed: " + error);
 * }
 * }</pre>
 *
 * @param <J> the type of the jobs
 * @param <R> the type of the values the jobs produce
 */
public sealed interface Result<J, R> {

    /** The job this result belongs to. */
    J job();

    /** A job that returned {@code value}. */
    record Success<J, R>(J job, R value) implements Result<J, R> {
    }

    /** A job that threw {@code error}. */
    record Failure<J, R>(J job, Throwable error) implements Result<J, R> {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
