package course.grading;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The virtual threads alive in this JVM, which {@code Thread.getAllStackTraces()} never lists: read
 * from the JDK's JSON thread dump. A dump costs milliseconds, so it is taken only once a virtual
 * thread has run here (the JDK then has carrier threads).
 */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** Whether a virtual thread has ever run in this JVM: among its live threads are the scheduler's carriers. */
    static boolean used(Collection<Thread> live) {
        return live.stream().anyMatch(t -> t.getClass().getName().endsWith("CarrierThread"));
    }

    /** The live virtual threads by id: {@code 'name' (STATE at frame)}. */
    static Map<String, String> alive() {
        Map<String, String> virtual = new TreeMap<>();
        Set<String> platform = new HashSet<>();
        ThreadReport.liveThreads().forEach(t -> platform.add(Long.toString(t.threadId())));
        try {
            Path dir = Files.createTempDirectory("grading-threads");
            Path file = dir.resolve("threads.json");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonObject dump = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonObject("threadDump");
            Files.delete(file);
            Files.delete(dir);
            for (JsonElement container : dump.getAsJsonArray("threadContainers")) {
                for (JsonElement element : container.getAsJsonObject().getAsJsonArray("threads")) {
                    JsonObject thread = element.getAsJsonObject();
                    String id = thread.get("tid").getAsString();
                    if (!platform.contains(id)) {
                        virtual.put(id, describe(thread));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no dump, no verdict about virtual threads: the platform-thread check still runs
        }
        return virtual;
    }

    private static String describe(JsonObject thread) {
        String name = thread.has("name") ? thread.get("name").getAsString() : "";
        String where = "no stack";
        for (JsonElement frame : thread.getAsJsonArray("stack")) {
            String text = frame.getAsString();
            String bare = text.contains("/") ? text.substring(text.indexOf('/') + 1) : text;
            if (bare.startsWith("course.") && !bare.startsWith("course.grading.")) {
                where = bare;
                break;
            }
        }
        String state = thread.has("state") ? thread.get("state").getAsString() : "";
        return "virtual thread '" + name + "' (" + state + " at " + where + ")";
    }
}
