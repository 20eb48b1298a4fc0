package course.grading.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's results in a form that can be joined without a JSON parser, and the joining.
 * Uses nothing but the JDK, so autograder tools can call it without JUnit on the class path.
 */
public final class Fragments {
    /** The fragment file each graded module leaves in target/grading. */
    public static final String FILE = "results.lines";

    private Fragments() {
    }

    /**
     * One module's results in a form that can be joined without a JSON parser: a first line
     * {@code score<TAB>max<TAB>name}, then one test of results.json per line.
     */
    static List<String> of(String name, double score, double max, List<Map<String, Object>> tests) {
        List<String> lines = new ArrayList<>();
        lines.add(Json.number(score) + "\t" + Json.number(max) + "\t" + name);
        tests.forEach(t -> lines.add(Json.writeLine(t)));
        return lines;
    }

    /** Gradescope's results.json for several modules' fragments, with a note before the summary. */
    public static String combine(List<Path> fragments, String note) throws IOException {
        double courseScore = 0;
        double courseMax = 0;
        List<String> testLines = new ArrayList<>();
        List<String> lessons = new ArrayList<>();
        for (Path f : fragments) {
            List<String> content = Files.readAllLines(f, StandardCharsets.UTF_8);
            String[] head = content.get(0).split("\t");
            courseScore += Double.parseDouble(head[0]);
            courseMax += Double.parseDouble(head[1]);
            lessons.add(head[2] + " " + head[0] + "/" + head[1]);
            testLines.addAll(content.subList(1, content.size()));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", courseScore);
        results.put("max_score", courseMax);
        results.put("output", note + "course: " + Json.number(courseScore) + "/" + Json.number(courseMax)
                + " points (" + String.join(", ", lessons) + ")");
        results.put("visibility", "visible");
        results.put("stdout_visibility", "hidden");
        String json = Json.write(results);
        return json.substring(0, json.length() - 2) + ",\n  \"tests\": [\n    "
                + String.join(",\n    ", testLines) + "\n  ]\n}\n";
    }
}
