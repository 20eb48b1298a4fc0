package course.lesson07;

import java.util.Objects;

/**
 * Thrown when one task of a batch failed: it names the input that caused the failure and
 * carries the task's own exception as its cause (never the {@link
 * java.util.concurrent.ExecutionException} wrapper a {@code Future} puts around it).
 *
 * <pre>{@code
 * try {
 *     InputOrderMap.map(domains, 4, registry::isFree);
 * } catch (TaskFailedException e) {
 *     System.err.println("lookup of " + e.input() + " failed: " + e.getCause());
 * }
 * }</pre>
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object input;

    /**
     * @param input the input whose task failed
     * @param cause the exception the task itself threw (not an {@code ExecutionException})
     */
    public TaskFailedException(Object input, Throwable cause) {
        super("task failed for input " + input + ": " + cause, Objects.requireNonNull(cause, "cause"));
        this.input = input;
    }

    /** The input whose task failed. */
    public Object input() {
        return input;
    }
}
