package course.grading.report;

import course.grading.Events;
import course.grading.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What the test JVMs of one Maven run wrote about each test (see {@code ResultRecorder}). */
final class TestEvents {
    record Finished(Outcome outcome, String message) {
    }

    record Dynamic(String id, String displayName) {
    }

    final Set<String> planned = new HashSet<>();
    final Set<String> started = new HashSet<>();
    final Map<String, Finished> finished = new HashMap<>();
    final Map<String, List<Dynamic>> children = new LinkedHashMap<>();

    static TestEvents read(Path sessionDir) throws IOException {
        TestEvents events = new TestEvents();
        if (!Files.isDirectory(sessionDir)) {
            return events;
        }
        try (Stream<Path> files = Files.list(sessionDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".events")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    events.add(Events.parse(line));
                }
            }
        }
        return events;
    }

    private void add(List<String> fields) {
        switch (fields.get(0)) {
            case "planned" -> planned.add(fields.get(1));
            case "started" -> started.add(fields.get(1));
            case "dynamic" -> children.computeIfAbsent(fields.get(2), k -> new ArrayList<>())
                    .add(new Dynamic(fields.get(1), fields.size() > 3 ? fields.get(3) : fields.get(1)));
            case "finished" -> finished.put(fields.get(1),
                    new Finished(Outcome.fromWord(fields.get(2)), fields.size() > 3 ? fields.get(3) : ""));
            default -> {
                // a line from a newer grader: ignore it
            }
        }
    }

    /** The nearest enclosing container (class, nested class) that failed, if one did. */
    Optional<Finished> failedAncestor(String uniqueId) {
        String id = uniqueId;
        for (int cut = id.lastIndexOf("/["); cut > 0; cut = id.lastIndexOf("/[")) {
            id = id.substring(0, cut);
            Finished f = finished.get(id);
            if (f != null && f.outcome() != Outcome.PASSED) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether the JVM of the (top-level) test class around this test reported anything at all. */
    boolean classReported(String uniqueId) {
        int classSegment = uniqueId.indexOf("[class:");
        if (classSegment < 0) {
            return false;
        }
        String prefix = uniqueId.substring(0, uniqueId.indexOf(']', classSegment) + 1);
        return planned.stream().anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
    }
}
