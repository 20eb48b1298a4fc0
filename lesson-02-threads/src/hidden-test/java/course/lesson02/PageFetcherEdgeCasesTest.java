package course.lesson02;

import course.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

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
        assertThat(new PageFetcher(page -> "unused").fetchAll(List.of()))
                .as("fetchAll(List.of()) must return an empty list")
                .isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("the same page asked for twice is fetched twice, each result in its place")
    void samePageTwice() throws InterruptedException {
        URI page = URI.create("http://127.0.0.1:9/same");
        List<PageResult> results = new PageFetcher(p -> "body").fetchAll(List.of(page, page));

        assertThat(results).as("two requests for the same page give two results").hasSize(2)
                .allSatisfy(r -> assertThat(r.body()).isEqualTo("body"));
    }
}
