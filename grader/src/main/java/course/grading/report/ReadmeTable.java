package course.grading.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise table of a lesson README, as the instructor check reads it: the first table under a
 * heading that says "Exercises"; its rows name a test class in backticks, with the points in the
 * last cell, and a "Total" row.
 *
 * <pre>
 * | # | Exercise | File to edit | Test | Points |
 * | 1 | Fetch pages concurrently | `src/main/java/…/PageFetcher.java` | `PageFetcherTest` | 10 |
 * |   | **Total** | | | **40** |
 * </pre>
 */
record ReadmeTable(Map<String, Integer> pointsByTestClass, Map<String, String> titleByTestClass, Integer total) {
    private static final Pattern TEST_CLASS = Pattern.compile("`(\\w+Test)`");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    static ReadmeTable read(Path readme) throws IOException {
        Map<String, Integer> points = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Integer total = null;
        if (!Files.exists(readme)) {
            return new ReadmeTable(points, titles, null);
        }
        // Only the first table of the "Exercises" section: other tables may name tests too.
        boolean inSection = false;
        boolean inTable = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                if (inTable) {
                    break;
                }
                inSection = line.toLowerCase(java.util.Locale.ROOT).contains("exercises");
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (!line.strip().startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = cells(line);
            if (cells.isEmpty()) {
                continue;
            }
            Matcher number = NUMBER.matcher(cells.get(cells.size() - 1));
            if (!number.find()) {
                continue;
            }
            int value = Integer.parseInt(number.group());
            Matcher testClass = TEST_CLASS.matcher(line);
            if (testClass.find()) {
                points.put(testClass.group(1), value);
                titles.put(testClass.group(1), cells.size() >= 5
                        ? "Exercise " + cells.get(0) + " · " + cells.get(1).replace("*", "").replace("`", "")
                        : testClass.group(1));
            } else if (line.contains("Total")) {
                total = value;
            }
        }
        return new ReadmeTable(points, titles, total);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.strip().split("\\|")) {
            if (!cell.isBlank()) {
                cells.add(cell.strip());
            }
        }
        return cells;
    }
}
