import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes each lesson README's exercise titles from the one place they come from: the test
 * class's {@code @DisplayName("Exercise N · Title")}. A row of the exercise table names its test
 * class in backticks; its second cell becomes the title (bold stays bold).
 *
 * <pre>{@code java instructor/tools/SyncReadmeTitles.java .}</pre>
 */
public final class SyncReadmeTitles {
    private static final Pattern TEST_CLASS = Pattern.compile("`(\\w+Test)`");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"Exercise \\d+ · (.*?)\"\\)");

    private SyncReadmeTitles() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        try (Stream<Path> lessons = Files.list(root)) {
            for (Path lesson : lessons.filter(p -> p.getFileName().toString().matches("lesson-\\d\\d-.+")).sorted().toList()) {
                sync(lesson);
            }
        }
    }

    private static void sync(Path lesson) throws IOException {
        Path readme = lesson.resolve("README.md");
        if (!Files.exists(readme)) {
            return;
        }
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            String row = lines.get(i);
            Matcher test = TEST_CLASS.matcher(row);
            String[] cells = row.split("\\|", -1);
            if (!row.startsWith("|") || !test.find() || cells.length < 6) {
                continue;
            }
            Optional<String> title = displayTitle(lesson, test.group(1));
            String current = cells[2].strip().replace("*", "").replace("`", "");
            if (title.isPresent() && !title.get().equals(current)) {
                cells[2] = " " + (cells[2].strip().startsWith("**") ? "**" + title.get() + "**" : title.get()) + " ";
                lines.set(i, String.join("|", cells));
                changed = true;
            }
        }
        if (changed) {
            Files.write(readme, lines, StandardCharsets.UTF_8);
            System.out.println("wrote exercise titles of " + readme);
        }
    }

    private static Optional<String> displayTitle(Path lesson, String testClass) throws IOException {
        try (Stream<Path> files = Files.walk(lesson.resolve("src/test/java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(testClass + ".java")).toList()) {
                Matcher name = DISPLAY_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (name.find()) {
                    return Optional.of(name.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
