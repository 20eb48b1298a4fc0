package course.lesson02;

import course.lesson02.support.Http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Exercise 1 · Fetch several pages at the same time, one platform thread per page.
 *
 * <p>Fetching a page mostly means waiting for the network. Fetched one after another, four pages
 * that take 300 ms each take 1.2 s; fetched by four threads at once they take about 300 ms.
 *
 * <p>Write {@link #fetchAll(List)}:
 * <ul>
 *   <li>give every page its own <em>platform</em> thread ({@code new Thread(...)} or
 *       {@code Thread.ofPlatform()}), which calls {@code source.fetch(page)};</li>
 *   <li>start all the threads first, then wait for all of them ({@code join()});</li>
 *   <li>a {@code Runnable} returns nothing: find a safe place where each thread can leave its
 *       result, and return the results in the same order as {@code pages};</li>
 *   <li>a page that fails becomes {@link PageResult#failure(URI, Exception)}; the other pages
 *       must still arrive.</li>
 * </ul>
 */
public final class PageFetcher {
    private final PageSource source;

    /** A fetcher that really fetches pages over HTTP ({@link Http#get(URI)}). */
    public PageFetcher() {
        this(Http::get);
    }

    /** A fetcher that gets every page from {@code source}. */
    public PageFetcher(PageSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Fetches all {@code pages} at the same time, one platform thread per page.
     *
     * @param pages the pages to fetch
     * @return one result per page, in the order of {@code pages}
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public List<PageResult> fetchAll(List<URI> pages) throws InterruptedException {
        throw new UnsupportedOperationException(
                "not implemented yet: start one platform thread per page, then join them all, "
                        + "and return a PageResult per page in input order");
    }
}
