package course.grading;

/**
 * A test ran past its timeout. Carries, in its message, where the threads were stuck and any
 * deadlock cycle, so the student sees the line to look at rather than a bare "timed out".
 */
public final class GradingTimeoutError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public GradingTimeoutError(String message, Throwable cause) {
        super(message, cause);
        setStackTrace(new StackTraceElement[0]);
    }
}
