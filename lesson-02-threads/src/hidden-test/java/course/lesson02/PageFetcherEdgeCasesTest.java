package course.lesson02;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hidden test: graded by the autograders (Gradescope shows it once grades are published), never
 * shipped in the student edition, and checked by the instructor check like every other test.
 */
@DisplayName("Exercise 1 · Fetch pages concurrently (hidden cases)")
class PageFetcherEdgeCasesTest {
    @Test
    @Points(2)
    @DisplayName("no pages give no results")
    void noPages() throws InterruptedException {
        List<PageResult> results;
        try {
            results = new PageFetcher(page -> "unused").fetchAll(List.of());
        } catch (UnsupportedOperationException notYet) {
            throw notYet;
        } catch (RuntimeException e) {
            throw new AssertionError("fetchAll(List.of()) threw " + e + ": no pages is not an error, it must "
                    + "return an empty list (a pool or latch sized by the number of pages may reject 0)", e);
        }
        assertThat(results)
                .withFailMessage("fetchAll(List.of()) must return an empty list, but returned %s", results)
                .isNotNull()
                .isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("the same page asked for twice is fetched twice, each result in its place")
    void samePageTwice() throws InterruptedException {
        URI page = URI.create("http://127.0.0.1:9/same");
        AtomicInteger fetches = new AtomicInteger();
        List<PageResult> results = new PageFetcher(p -> "body " + fetches.incrementAndGet()).fetchAll(List.of(page, page));

        assertThat(results)
                .withFailMessage("fetchAll(List.of(page, page)) returned %s: one result per position in the list, not "
                        + "per distinct page (did you key the results by URI, or de-duplicate the pages?)", results)
                .isNotNull()
                .hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(results.get(i))
                    .withFailMessage("result %d of fetchAll(List.of(page, page)) is null: the same page twice has two "
                            + "slots (did you find the slot with pages.indexOf(page)? Use the position i instead)", i)
                    .isNotNull();
        }
        assertThat(fetches.get())
                .withFailMessage("the same page asked for twice was fetched %d time(s): each position in the list is "
                        + "a fetch of its own (did you cache or de-duplicate the pages?)", fetches.get())
                .isEqualTo(2);
        assertThat(results).extracting(PageResult::body)
                .as("the bodies of the two fetches, one per position")
                .containsExactlyInAnyOrder("body 1", "body 2");
    }
}
