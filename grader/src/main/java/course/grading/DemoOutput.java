package course.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For the lessons' demo tests: checks the shape of what a demo wrote, a Markdown table and a Mermaid xychart. */
public final class DemoOutput {
    private static final String NUMBER = "-?\\d+(\\.\\d+)?";

    private DemoOutput() {
    }

    /** Deletes what an earlier run of a demo wrote: {@code <name>.md} and {@code <name>.mmd} in {@code dir}, for each name. */
    public static void clear(Path dir, String... names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(dir.resolve(name + ".md"));
            Files.deleteIfExists(dir.resolve(name + ".mmd"));
        }
    }

    /** {@code <name>.md} is a table with these rows ({@link #assertTable}), {@code <name>.mmd} a chart of them ({@link #assertChart}). */
    public static void assertWritten(Path dir, String name, List<String> rows, int bars, int lines) throws IOException {
        assertTable(dir.resolve(name + ".md"), rows);
        assertChart(dir.resolve(name + ".mmd"), rows.size(), bars, lines);
    }

    /** A header naming Python and Java, a separator, then exactly one row per label, in order, each with figures. */
    private static void assertTable(Path file, List<String> labels) throws IOException {
        assertThat(file).as("the demo writes its table to %s", file).exists();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).as("table lines in %s", file).hasSize(labels.size() + 2);
        assertThat(lines.get(0)).contains("Python, lecture").contains("Java, this machine").contains("÷");
        assertThat(lines.get(1)).matches("\\|(-+:?\\|)+");
        for (int i = 0; i < labels.size(); i++) {
            String[] cells = lines.get(i + 2).split("\\|");
            assertThat(cells).as("cells of row %d: %s", i + 1, lines.get(i + 2)).hasSize(5);
            assertThat(cells[1].trim()).isEqualTo(labels.get(i));
            assertThat(cells[2].trim()).as("Python column of row %s", labels.get(i)).matches("—|" + NUMBER + "( \\S+)?");
            assertThat(cells[3].trim()).as("Java column of row %s", labels.get(i)).matches(NUMBER + "( \\S+)?");
            assertThat(cells[4].trim()).as("ratio column of row %s", labels.get(i)).matches("—|" + NUMBER);
        }
    }

    /** An xychart-beta block with a title, {@code points} x labels, and the given numbers of bar and line series of that length. */
    private static void assertChart(Path file, int points, int bars, int lines) throws IOException {
        assertThat(file).as("the demo writes its chart to %s", file).exists();
        String chart = Files.readString(file);
        assertThat(chart).startsWith("xychart-beta\n").containsPattern("\\n    title \"[^\"]+\"\\n");
        Matcher x = Pattern.compile("\\n    x-axis \\[(.*)]\\n").matcher(chart);
        assertThat(x.find()).as("an x-axis line in\n%s", chart).isTrue();
        assertThat(x.group(1).split("\", \"")).as("x-axis labels").hasSize(points);
        assertThat(chart).containsPattern("\\n    y-axis \"[^\"]+\" 0 --> " + NUMBER + "\\n");
        assertThat(series(chart, "bar", points)).as("bar series").isEqualTo(bars);
        assertThat(series(chart, "line", points)).as("line series").isEqualTo(lines);
    }

    private static int series(String chart, String kind, int points) {
        Matcher m = Pattern.compile("\\n    " + kind + " \\[([^]]*)]").matcher(chart);
        int count = 0;
        while (m.find()) {
            String[] values = m.group(1).split(", ");
            assertThat(values).as("%s values", kind).hasSize(points).allMatch(v -> v.matches(NUMBER));
            count++;
        }
        return count;
    }
}
