package course.lesson02;

import course.lesson02.support.Http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fetches several pages at the same time, one platform thread per page.
 *
 * <p>{@link #fetchAll(List)} starts one thread per page, and only when every thread has been
 * started does it wait for them, one {@link Thread#join() join()} after another. Each thread
 * writes its {@link PageResult} into its own slot of an array, so no two threads ever write the
 * same place and no lock is needed. A page whose fetch throws becomes a
 * {@linkplain PageResult#failure failure}; the others are unaffected.
 *
 * <p>Sample usage, the lesson's experiment:
 * <pre>{@code
 * try (SlowPageServer site = SlowPageServer.start(Duration.ofMillis(300))) {
 *     List<URI> pages = Stream.of("/example.com", "/example.net", "/example.org", "/example.edu")
 *             .map(site::uri).toList();
 *     List<PageResult> results = new PageFetcher().fetchAll(pages); // about 300 ms, not 1.2 s
 *     results.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Memory consistency effects: everything a fetch thread does, including writing its result,
 * <i>happens-before</i> the return from {@code join()} on that thread; so once every thread has
 * been joined, the caller sees every result without further synchronisation.
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
     * Fetches all {@code pages} at the same time, one platform thread per page, and waits for
     * all of them.
     *
     * @param pages the pages to fetch
     * @return one result per page, in the order of {@code pages}; a page that could not be
     *         fetched is a {@linkplain PageResult#isSuccess() failure}
     * @throws InterruptedException if the calling thread is interrupted while it waits; the
     *                              fetch threads are interrupted too
     */
    public List<PageResult> fetchAll(List<URI> pages) throws InterruptedException {
        PageResult[] results = new PageResult[pages.size()];
        List<Thread> threads = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            int slot = i;
            URI page = pages.get(i);
            Thread thread = Thread.ofPlatform()
                    .name("fetch-" + i)
                    .unstarted(() -> results[slot] = fetch(page));
            thread.start();                 // start them all first ...
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();              // ... then wait for them all
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        return Arrays.asList(results);
    }

    private PageResult fetch(URI page) {
        try {
            return PageResult.success(page, source.fetch(page));
        } catch (Exception e) {
            return PageResult.failure(page, e);
        }
    }
}
