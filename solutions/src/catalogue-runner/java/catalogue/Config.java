package catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's settings, from {@code --key=value} arguments (solutions/pom.xml passes them). The
 * driver hands the same arguments to its worker JVMs.
 */
record Config(List<String> args, Path root, Path catalogue, Path sources, Path classes, Path testClasses, Path work,
              String lesson, String entry, int forks, String timeout, String tagsExcluded, boolean all,
              boolean verbose, long entryTimeoutSeconds, String agent, String ceiling) {

    static Config parse(String[] argv) {
        Map<String, String> a = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String arg : argv) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument (use --key=value): " + arg);
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            a.put(key, unset(value) ? "" : value);
            if (!key.equals("worker")) {
                kept.add(arg);
            }
        }
        Path root = Path.of(required(a, "root")).toAbsolutePath().normalize();
        return new Config(List.copyOf(kept), root,
                Path.of(a.getOrDefault("catalogue", root.resolve("solutions/catalogue").toString())),
                Path.of(required(a, "sources")), Path.of(required(a, "classes")), Path.of(required(a, "test-classes")),
                Path.of(required(a, "work")),
                a.getOrDefault("lesson", ""), a.getOrDefault("entry", ""),
                Integer.parseInt(a.getOrDefault("forks", "").isBlank() ? "4" : a.get("forks")),
                a.getOrDefault("timeout", "").isBlank() ? "4 s" : a.get("timeout"),
                a.getOrDefault("tags-excluded", "integration,demo"),
                Boolean.parseBoolean(a.getOrDefault("all", "false")),
                Boolean.parseBoolean(a.getOrDefault("verbose", "false")),
                Long.parseLong(a.getOrDefault("entry-timeout", "").isBlank() ? "120" : a.get("entry-timeout")),
                a.getOrDefault("agent", ""),
                a.getOrDefault("ceiling", "").isBlank() ? "2" : a.get("ceiling"));
    }

    /** An unset Maven property arrives as its own expression, e.g. {@code ${catalogue.entry}}. */
    private static boolean unset(String value) {
        return value.startsWith("${") && value.endsWith("}");
    }

    private static String required(Map<String, String> a, String key) {
        String value = a.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + key + "=…");
        }
        return value;
    }

    /** Whether lesson folder {@code lesson-04-sync} is selected by {@code -Dlesson} (04, 0[1-3], *, or unset). */
    boolean selects(String lessonDir) {
        if (lesson.isBlank() || lesson.equals("*")) {
            return true;
        }
        String number = lessonDir.length() >= 9 ? lessonDir.substring(7, 9) : lessonDir;
        try {
            return number.matches(lesson) || lessonDir.equals(lesson);
        } catch (java.util.regex.PatternSyntaxException e) {
            return number.equals(lesson) || lessonDir.equals(lesson);
        }
    }

    /** Whether an entry's slug is selected by {@code -Dcatalogue.entry} (a glob: bank-*, *finally*). */
    boolean selectsEntry(String slug) {
        if (entry.isBlank()) {
            return true;
        }
        for (String glob : entry.split(",")) {
            String regex = ("\\Q" + glob.strip().replace(".patch", "") + "\\E").replace("*", "\\E.*\\Q");
            if (slug.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
