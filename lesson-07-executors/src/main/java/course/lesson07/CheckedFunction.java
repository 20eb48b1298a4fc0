package course.lesson07;

/**
 * A function that may throw a checked exception, such as a network lookup that throws
 * {@link java.io.IOException}. {@link java.util.function.Function} cannot do that, and the
 * tasks handed to a pool usually can fail.
 *
 * <pre>{@code
 * CheckedFunction<String, Boolean> isFree = domain -> registry.isFree("python" + domain);
 * }</pre>
 *
 * @param <T> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CheckedFunction<T, R> {
    /**
     * Applies this function to one input.
     *
     * @param input the input
     * @return the result
     * @throws Exception whatever the work throws; the pool carries it back to the caller
     */
    R apply(T input) throws Exception;
}
