package course.grading;

import java.util.Locale;

/**
 * How a test ended, as the grader classifies it. Starter code must fail with
 * {@link #NOT_IMPLEMENTED} or {@link #ASSERTION}; anything else is a wrong reason.
 */
public enum Outcome {
    /** The test passed. */
    PASSED,
    /** An assertion failed: the code ran and did the wrong thing. */
    ASSERTION,
    /** The code threw the starter's "not implemented yet" exception. */
    NOT_IMPLEMENTED,
    /** The test ran past its timeout. */
    TIMEOUT,
    /** Any other exception: a crash in the code, or in the test itself. */
    ERROR,
    /** The test was skipped or aborted (an assumption failed). */
    SKIPPED,
    /** The test never reported: its JVM died or was killed before it finished. */
    NO_RESULT;

    static final String NOT_IMPLEMENTED_MARK = "not implemented yet";

    /** Classifies a failure. */
    public static Outcome of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(NOT_IMPLEMENTED_MARK)) {
                return NOT_IMPLEMENTED;
            }
        }
        if (failure instanceof GradingTimeoutError) {
            return TIMEOUT;
        }
        return failure instanceof AssertionError ? ASSERTION : ERROR;
    }

    /**
     * Classifies a failure as the build recorded it: the exception's type and message, and
     * whether JUnit's report called it a failure (an {@code AssertionError}) or an error.
     */
    public static Outcome classify(String type, String message, boolean assertion) {
        if (String.valueOf(message).contains(NOT_IMPLEMENTED_MARK)) {
            return NOT_IMPLEMENTED;
        }
        if (GradingTimeoutError.class.getName().equals(type)) {
            return TIMEOUT;
        }
        return assertion ? ASSERTION : ERROR;
    }

    /** The word used in reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Outcome fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
