package course.lesson02;

import java.net.URI;

/**
 * Fetches one page, blocking the calling thread until it has arrived: the lesson's
 * {@code get_page}. {@link course.lesson02.support.Http#get(URI) Http::get} is the real one;
 * tests pass their own to watch which thread runs each fetch.
 */
@FunctionalInterface
public interface PageSource {
    /**
     * Fetches {@code page} on the calling thread.
     *
     * @return the page's body
     * @throws Exception if the page could not be fetched
     */
    String fetch(URI page) throws Exception;
}
