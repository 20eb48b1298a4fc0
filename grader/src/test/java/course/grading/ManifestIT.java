package course.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed checksums must describe the committed tests and build, or every grade run would cry wolf. */
@Tag("integration")
class ManifestIT {
    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();

    @Test
    @DisplayName("grading.sha256 matches the build files, the grader and every lesson's tests")
    void manifestIsCurrent() throws IOException {
        assertThat(Manifest.check(ROOT, null))
                .as("files that differ from grading.sha256: run instructor/update-grading-files and commit the result")
                .isEmpty();
    }
}
