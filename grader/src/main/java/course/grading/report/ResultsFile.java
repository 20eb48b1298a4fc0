package course.grading.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gradescope's {@code results.json}: {@code score}, {@code max_score}, {@code output}, and
 * {@code tests[]} with {@code name}, {@code score}, {@code max_score}, {@code status},
 * {@code output}, {@code visibility}.
 *
 * <p>A whole-course grade run joins the lessons' results from the Maven JVM's memory
 * ({@link BuildMemory}), never from files a test JVM could have written.
 */
final class ResultsFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultsFile() {
    }

    /** One test of results.json. */
    static JsonObject test(String name, double score, int max, boolean passed, String output, boolean hidden) {
        JsonObject test = new JsonObject();
        test.addProperty("name", name);
        test.add("score", number(score));
        test.addProperty("max_score", max);
        test.addProperty("status", passed ? "passed" : "failed");
        test.addProperty("output", output);
        test.addProperty("visibility", hidden ? "after_published" : "visible");
        return test;
    }

    static JsonObject results(double score, double max, String output, List<JsonObject> tests) {
        JsonObject results = new JsonObject();
        results.add("score", number(score));
        results.add("max_score", number(max));
        results.addProperty("output", output);
        results.addProperty("visibility", "visible");
        results.addProperty("stdout_visibility", "hidden");
        JsonArray array = new JsonArray();
        tests.forEach(array::add);
        results.add("tests", array);
        return results;
    }

    static void write(Path file, JsonObject results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, GSON.toJson(results) + "\n", StandardCharsets.UTF_8);
    }

    /** Keeps a lesson's results in the build's memory and rewrites the course's results.json from all of them. */
    static void addToCourse(Path root, String module, JsonObject results) throws IOException {
        BuildMemory.put("results", module, GSON.toJson(results));
        Map<String, JsonObject> lessons = new TreeMap<>();
        BuildMemory.all("results").forEach((lesson, json) -> lessons.put(lesson, JsonParser.parseString(json).getAsJsonObject()));
        double score = 0;
        double max = 0;
        List<String> summary = new ArrayList<>();
        List<JsonObject> tests = new ArrayList<>();
        for (var lesson : lessons.entrySet()) {
            double s = lesson.getValue().get("score").getAsDouble();
            double m = lesson.getValue().get("max_score").getAsDouble();
            score += s;
            max += m;
            summary.add(lesson.getKey() + " " + number(s) + "/" + number(m));
            lesson.getValue().getAsJsonArray("tests").forEach(t -> tests.add(t.getAsJsonObject()));
        }
        write(root.resolve("target/grading/results.json"), results(score, max,
                "course: " + number(score) + "/" + number(max) + " points (" + String.join(", ", summary) + ")", tests));
    }

    static JsonPrimitive number(double value) {
        return value == Math.rint(value) ? new JsonPrimitive((long) value)
                : new JsonPrimitive(Double.parseDouble(String.format(Locale.ROOT, "%.2f", value)));
    }

    static String text(double value) {
        return number(value).getAsString();
    }
}
