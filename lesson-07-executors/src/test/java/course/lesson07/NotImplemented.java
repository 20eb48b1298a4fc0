package course.lesson07;

/** Lets the starter's "not implemented yet" exception through unchanged, so it is the first thing a student reads. */
final class NotImplemented {
    private NotImplemented() {
    }

    static void rethrow(Throwable thrown) {
        if (thrown instanceof UnsupportedOperationException e
                && e.getMessage() != null && e.getMessage().startsWith("not implemented yet")) {
            throw e;
        }
    }
}
