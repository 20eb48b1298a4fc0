package course.lesson07;

/**
 * One finished task, paired with the input it worked on: either a result or the exception the
 * task threw. This is the Java shape of the lecture's "future → domain" dictionary: whoever
 * receives a {@code Completed} knows at once which input it belongs to.
 *
 * <pre>{@code
 * Completed<String, Boolean> c = Completed.success(".org", true);
 * if (c.succeeded()) System.out.println(c.input() + " -> " + c.result());
 * }</pre>
 *
 * @param input  the input the task worked on
 * @param result the task's result, or {@code null} when it failed
 * @param error  what the task threw (unwrapped, never an {@code ExecutionException}), or
 *               {@code null} when it succeeded
 * @param <T>    the input type
 * @param <R>    the result type
 */
public record Completed<T, R>(T input, R result, Throwable error) {

    /** A task for {@code input} that returned {@code result}. */
    public static <T, R> Completed<T, R> success(T input, R result) {
        return new Completed<>(input, result, null);
    }

    /** A task for {@code input} that threw {@code error}. */
    public static <T, R> Completed<T, R> failure(T input, Throwable error) {
        return new Completed<>(input, null, error);
    }

    /** Whether the task returned normally. */
    public boolean succeeded() {
        return error == null;
    }
}
