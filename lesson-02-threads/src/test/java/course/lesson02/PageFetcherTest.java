package course.lesson02;

import course.grading.Background;
import course.grading.Delays;
import course.grading.Points;
import course.lesson02.support.Http;
import course.lesson02.support.SlowPageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("Exercise 1 · Fetch pages concurrently")
class PageFetcherTest {
    private static final List<String> SITES = List.of("/example.com", "/example.net", "/example.org", "/example.edu");

    private SlowPageServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = SlowPageServer.start(Duration.ZERO);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private List<URI> pages(List<String> paths) {
        return paths.stream().map(server::uri).toList();
    }

    private static String describe(List<PageResult> results) {
        return results == null ? "null" : results.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    @Points(3)
    @DisplayName("fetches all four pages at the same time: the server sees four requests in flight at once")
    void fetchesAllPagesAtTheSameTime() throws Exception {
        CyclicBarrier allFour = new CyclicBarrier(SITES.size());
        server.beforeEachAnswer(path -> allFour.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS));

        List<PageResult> results = new PageFetcher().fetchAll(pages(SITES));

        assertThat(server.requests())
                .withFailMessage("fetchAll returned when the server had received only %d of %d requests: "
                        + "did you forget to join() the threads?", server.requests(), SITES.size())
                .isEqualTo(SITES.size());
        assertThat(server.maxInFlight())
                .withFailMessage("only %d of %d requests were in flight at the same time: the pages were fetched "
                                + "one after another. Did you call run() instead of start(), or join() each thread "
                                + "right after starting it? Start them all, then join them all.",
                        server.maxInFlight(), SITES.size())
                .isEqualTo(SITES.size());
        assertThat(results).as("results of fetchAll (%s)", describe(results))
                .hasSize(SITES.size())
                .allSatisfy(r -> assertThat(r).isNotNull().extracting(PageResult::isSuccess).isEqualTo(true));
    }

    @Test
    @Points(3)
    @DisplayName("returns the results in the order the pages were given, even when the first page arrives last")
    void keepsTheInputOrder() throws Exception {
        List<URI> pages = pages(SITES);
        URI first = pages.getFirst();
        CountDownLatch othersArrived = new CountDownLatch(pages.size() - 1);
        Set<Thread> otherFetchers = ConcurrentHashMap.newKeySet();
        PageSource firstArrivesLast = page -> {
            if (page.equals(first)) {
                long deadline = System.nanoTime() + Delays.CEILING.toNanos();
                othersArrived.await(Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
                // A fetch thread that has ended has stored its result, wherever it stores it: so
                // the first page's result is surely stored last, and arrival order is exposed.
                for (Thread other : otherFetchers) {
                    if (other != Thread.currentThread()) {
                        other.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    }
                }
                return Http.get(page);
            }
            otherFetchers.add(Thread.currentThread());
            String body = Http.get(page);
            othersArrived.countDown();
            return body;
        };

        List<PageResult> results = new PageFetcher(firstArrivesLast).fetchAll(pages);

        assertThat(results).as("fetchAll returned null").isNotNull();
        assertThat(results)
                .withFailMessage("expected %d results, got %d: %s. Every page needs exactly one result; "
                                + "did fetchAll return before all threads had finished (a missing join())?",
                        pages.size(), results.size(), describe(results))
                .hasSize(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            PageResult result = results.get(i);
            if (result == null) {
                fail("result %d is null: the thread for %s had not stored its result when fetchAll returned. "
                        + "Join every thread before you read the results.", i, pages.get(i));
            }
            if (!result.page().equals(pages.get(i))) {
                fail("result %d is for %s but should be for %s: the results are in the order the pages arrived, "
                        + "not the order they were asked for. Let thread i store its result at index i. Got %s",
                        i, result.page(), pages.get(i), describe(results));
            }
            assertThat(result.body()).as("body of %s", pages.get(i)).isEqualTo(SlowPageServer.bodyOf(SITES.get(i)));
        }
    }

    @Test
    @Points(3)
    @DisplayName("reports a page that fails as a failure and still returns the other pages")
    void oneFailingPageDoesNotLoseTheOthers() throws Exception {
        List<String> paths = List.of("/example.com", "/broken.example", "/example.org");
        server.fail("/broken.example", 500);
        List<URI> pages = pages(paths);

        List<PageResult> results;
        try {
            results = new PageFetcher().fetchAll(pages);
        } catch (UnsupportedOperationException notYet) {
            throw notYet;
        } catch (RuntimeException e) {
            throw new AssertionError("fetchAll threw " + e + " because one page failed: catch the exception inside "
                    + "that page's thread and store PageResult.failure(page, e), so the other pages still arrive", e);
        }

        assertThat(results).as("results (%s)", describe(results)).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i))
                    .withFailMessage("result %d (%s) is null: when a fetch throws, its thread must still store a result. "
                            + "Catch the exception inside the thread and store PageResult.failure(page, e).", i, pages.get(i))
                    .isNotNull();
        }
        PageResult broken = results.get(1);
        assertThat(broken.isSuccess()).as("the page answering HTTP 500 must be a failure, got %s", broken).isFalse();
        assertThat(broken.error()).as("the failure's error").hasMessageContaining("500");
        assertThat(List.of(results.get(0), results.get(2)))
                .as("the pages that did not fail must still arrive: %s", describe(results))
                .allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(results.get(2).body()).isEqualTo(SlowPageServer.bodyOf("/example.org"));
    }

    @Test
    @Points(2)
    @DisplayName("runs every fetch on its own new platform thread, never on the caller's thread")
    void eachFetchRunsOnItsOwnPlatformThread() throws Exception {
        Map<URI, Thread> fetchedBy = new ConcurrentHashMap<>();
        PageSource recording = page -> {
            fetchedBy.put(page, Thread.currentThread());
            return Http.get(page);
        };
        Thread caller = Thread.currentThread();

        new PageFetcher(recording).fetchAll(pages(SITES));

        assertThat(fetchedBy).as("fetches made").hasSize(SITES.size());
        Set<Thread> threads = Set.copyOf(fetchedBy.values());
        assertThat(threads)
                .withFailMessage("run() was called instead of start(): the pages were fetched on the caller's thread '%s'. "
                        + "run() just calls the task; start() runs it on the new thread.", caller.getName())
                .doesNotContain(caller);
        assertThat(threads)
                .withFailMessage("%d pages were fetched by %d thread(s) %s: give every page its own thread",
                        SITES.size(), threads.size(), threads)
                .hasSize(SITES.size());
        assertThat(threads)
                .withFailMessage("pages were fetched on virtual threads %s: this exercise is about platform threads "
                        + "(new Thread(...) or Thread.ofPlatform()); virtual threads come in lesson 7", threads)
                .noneMatch(Thread::isVirtual);
    }

    @Test
    @Points(2)
    @DisplayName("returns only after every fetch thread has finished, waiting with join(), not by sleeping")
    void waitsForEveryThread() throws Exception {
        waitsForEveryThread(false);   // let the threads finish from the first started to the last
        waitsForEveryThread(true);    // and from the last started to the first
    }

    private void waitsForEveryThread(boolean lastFirst) throws Exception {
        List<URI> pages = pages(SITES);
        List<CountDownLatch> releases = pages.stream().map(p -> new CountDownLatch(1)).toList();
        AtomicReferenceArray<Thread> fetchedOn = new AtomicReferenceArray<>(pages.size());
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        PageSource held = page -> {
            int index = pages.indexOf(page);
            fetchedOn.set(index, Thread.currentThread());
            threads.add(Thread.currentThread());
            try {
                releases.get(index).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
                return "held " + page.getPath();
            } finally {
                finished.incrementAndGet();
            }
        };
        // The fetches are held until fetchAll is seen waiting for them, then let finish one at a
        // time. A fetchAll that sleeps instead of waiting, or waits for only some of its threads,
        // returns while a fetch is still held.
        Background<List<PageResult>> call = Background.start("caller", () -> new PageFetcher(held).fetchAll(pages));
        List<PageResult> results;
        try {
            Background.Seen seen = call.watch(() -> threads.size() == pages.size());
            int finishedThen = finished.get();
            int startedThen = threads.size();
            int releasedWhenReturned = seen == Background.Seen.WAITING
                    ? call.releaseOneByOne(lastFirst ? releases.reversed() : releases,
                            k -> fetchedOn.get(lastFirst ? pages.size() - 1 - k : k))
                    : -1;
            releases.forEach(CountDownLatch::countDown);
            call.join(Delays.CEILING);
            call.rethrowNotImplemented();
            String mistake = JoinMistakes.describe(seen, "fetchAll", "fetches", startedThen, finishedThen, pages.size());
            if (mistake != null) {
                fail(mistake);
            }
            if (releasedWhenReturned >= 0) {
                fail(JoinMistakes.returnedTooSoon("fetchAll", "fetches", releasedWhenReturned, pages.size()));
            }
            results = call.finish("fetchAll");
        } finally {
            releases.forEach(CountDownLatch::countDown);
            call.stop();
        }

        assertThat(results).as("results of fetchAll").isNotNull().hasSize(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertThat(results.get(i))
                    .withFailMessage("result %d is null although fetchAll had waited for the threads: each thread "
                            + "must store its result before it ends", i)
                    .isNotNull();
            assertThat(results.get(i).body()).as("body of %s", pages.get(i)).isEqualTo("held " + SITES.get(i));
        }
        for (Thread thread : threads) {
            thread.join(Delays.CEILING);
        }
        List<String> stillRunning = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        assertThat(stillRunning)
                .withFailMessage("the fetch threads %s were still running %d s after fetchAll returned",
                        stillRunning, Delays.CEILING.toSeconds())
                .isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("an interrupt while it waits is not swallowed: fetchAll throws InterruptedException")
    void doesNotSwallowAnInterrupt() throws Exception {
        List<URI> pages = pages(SITES);
        List<CountDownLatch> releases = pages.stream().map(page -> new CountDownLatch(1)).toList();
        AtomicInteger arrived = new AtomicInteger();
        // Every fetch is held until the test releases it (or its thread is interrupted).
        PageSource held = page -> {
            arrived.incrementAndGet();
            releases.get(pages.indexOf(page)).await(Background.HOLD.toMillis(), TimeUnit.MILLISECONDS);
            return "held " + page.getPath();
        };
        // The caller is interrupted while fetchAll waits for the held fetches.
        Background<Boolean> call = Background.start("caller", () -> {
            new PageFetcher(held).fetchAll(pages);
            return Thread.currentThread().isInterrupted();
        });
        JoinMistakes.assertInterruptNotSwallowed("fetchAll", call, () -> arrived.get() == pages.size(), releases);
    }
}
