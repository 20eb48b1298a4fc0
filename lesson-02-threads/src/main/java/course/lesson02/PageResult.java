package course.lesson02;

import java.net.URI;
import java.util.Objects;

/**
 * What fetching one page gave: its body, or the exception that stopped it.
 *
 * <p>Exactly one of {@link #body()} and {@link #error()} is non-null.
 *
 * @param page  the page that was asked for
 * @param body  the page's body when the fetch succeeded, else {@code null}
 * @param error why the fetch failed, else {@code null}
 */
public record PageResult(URI page, String body, Exception error) {

    public PageResult {
        Objects.requireNonNull(page, "page");
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("a PageResult has either a body or an error");
        }
    }

    /** A page that arrived. */
    public static PageResult success(URI page, String body) {
        return new PageResult(page, body, null);
    }

    /** A page that could not be fetched. */
    public static PageResult failure(URI page, Exception error) {
        return new PageResult(page, null, error);
    }

    /** Whether the page arrived. */
    public boolean isSuccess() {
        return error == null;
    }

    @Override
    public String toString() {
        return isSuccess() ? page + " -> \"" + body + "\"" : page + " -> failed: " + error;
    }
}
