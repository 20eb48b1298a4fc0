package course.shared.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The lecture's figures and this machine's, side by side: a Markdown table for the terminal and
 * a Mermaid {@code xychart-beta} chart (bars = the lecture's Python figures, line = Java's) for
 * any page that renders Mermaid. Both are also written to {@code target/demo/} of this module.
 *
 * <p>When a demo runs a scaled-down model of the lecture's experiment ({@code scale} of 10 = ten
 * times shorter), the Java column shows the time really measured, the ratio compares
 * {@code Java × scale} with Python, and the chart draws {@code Java × scale} so that both lines
 * share one axis: a ratio near 1 means "the same shape as in the lecture".
 */
public final class LectureTable {
    private record Row(String label, double python, double java) {
    }

    private final String title;
    private final String rowHeader;
    private final String unit;
    private final double scale;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param title     what was measured, one line
     * @param rowHeader the header of the first column (what varies from row to row)
     * @param unit      the unit of the figures, {@code "s"} for seconds
     * @param scale     how many times shorter the Java experiment is than the lecture's (1 = same size)
     */
    public LectureTable(String title, String rowHeader, String unit, double scale) {
        this.title = title;
        this.rowHeader = rowHeader;
        this.unit = unit;
        this.scale = scale;
    }

    /** Adds a row; {@code python} is {@link Double#NaN} where the lecture gives no figure. */
    public LectureTable row(String label, double python, double java) {
        rows.add(new Row(label, python, java));
        return this;
    }

    /** The table in Markdown: row, Python (lecture), Java (this machine), ratio. */
    public String markdown() {
        String ratio = scale == 1 ? "Java ÷ Python" : "Java × " + number(scale) + " ÷ Python";
        StringBuilder md = new StringBuilder();
        md.append("| ").append(rowHeader).append(" | Python, lecture | Java, this machine | ").append(ratio).append(" |\n");
        md.append("|---|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append("| ").append(r.label)
                    .append(" | ").append(Double.isNaN(r.python) ? "—" : format(r.python, 2))
                    .append(" | ").append(format(r.java, 3))
                    .append(" | ").append(Double.isNaN(r.python) || r.python == 0 ? "—"
                            : String.format(Locale.ROOT, "%.2f", r.java * scale / r.python))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The same rows as a Mermaid {@code xychart-beta}: bars = Python, line = Java × scale. */
    public String mermaid() {
        String javaLabel = scale == 1 ? "Java" : "Java × " + number(scale);
        return chart(title + " · bars: Python (lecture), line: " + javaLabel + " (this machine)",
                rows.stream().map(Row::label).toList(), unitName(),
                List.of(values(r -> Double.isNaN(r.python) ? 0 : r.python)),
                List.of(values(r -> r.java * scale)));
    }

    private double[] values(ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private String unitName() {
        return unit.equals("s") ? "seconds" : unit;
    }

    /** A Mermaid {@code xychart-beta} block with any number of bar and line series. */
    public static String chart(String title, List<String> xLabels, String yLabel, List<double[]> bars, List<double[]> lines) {
        double max = 0;
        for (List<double[]> series : List.of(bars, lines)) {
            for (double[] values : series) {
                for (double v : values) {
                    max = Math.max(max, v);
                }
            }
        }
        StringBuilder m = new StringBuilder("xychart-beta\n");
        m.append("    title \"").append(title.replace('"', '\'')).append("\"\n");
        m.append("    x-axis [");
        for (int i = 0; i < xLabels.size(); i++) {
            m.append(i == 0 ? "" : ", ").append('"').append(xLabels.get(i).replace('"', '\'')).append('"');
        }
        m.append("]\n");
        m.append("    y-axis \"").append(yLabel).append("\" 0 --> ").append(number(niceCeiling(max))).append('\n');
        bars.forEach(b -> m.append("    bar ").append(series(b)).append('\n'));
        lines.forEach(l -> m.append("    line ").append(series(l)).append('\n'));
        return m.toString();
    }

    /**
     * Prints the table and the chart, and writes them to {@code target/demo/<name>.md} and
     * {@code target/demo/<name>.mmd} of the module {@code demo} belongs to.
     */
    public void printAndSave(Class<?> demo, String name) {
        printAndSave(demo, name, mermaid());
    }

    /** As {@link #printAndSave(Class, String)}, with a chart of the demo's own making. */
    public void printAndSave(Class<?> demo, String name, String mmd) {
        String md = markdown();
        System.out.println();
        System.out.println(title);
        System.out.println();
        System.out.print(md);
        System.out.println();
        System.out.println("```mermaid");
        System.out.print(mmd);
        System.out.println("```");
        Path dir = outputDir(demo);
        write(dir.resolve(name + ".md"), md);
        write(dir.resolve(name + ".mmd"), mmd);
        System.out.println("(table and chart written to " + dir.resolve(name + ".md") + " and .mmd)");
    }

    /** {@code target/demo} of the module whose classes contain {@code demo} (works under exec:java and tests). */
    public static Path outputDir(Class<?> demo) {
        try {
            Path classes = Path.of(demo.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("demo");     // target/classes -> target/demo
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "demo");
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String format(double value, int decimals) {
        String n = unit.isEmpty() && value == Math.rint(value)
                ? String.format(Locale.ROOT, "%d", (long) value)
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    private static String series(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", values[i]));
        }
        return s.append(']').toString();
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : value >= 1 ? "%.1f" : "%.3f", value);
    }
}
