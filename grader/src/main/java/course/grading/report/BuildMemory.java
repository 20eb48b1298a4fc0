package course.grading.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * What one grading step leaves for a later one in the same Maven JVM: the gate's verdict for the
 * report after the tests, each lesson's results for the course's results.json. Student code never
 * runs in this JVM.
 *
 * <p>The values live in an MBean server of the grader's own, kept by the JDK's
 * {@link MBeanServerFactory}: it outlives the class loader of each exec:java run and no plugin
 * resets it. System properties did not do: Surefire and Failsafe put back the properties they found
 * when they started, so under {@code -T} another module's test run erased what this module's gate
 * had written in the meantime. Not the platform MBean server: starting it (every platform MXBean)
 * cost a third of a second of CPU in each student's run.
 */
final class BuildMemory {
    private static final String DOMAIN = "course.grading";

    private BuildMemory() {
    }

    /** Remembers {@code value} under {@code kind} and {@code key}, replacing an earlier one. */
    static void put(String kind, String key, String value) {
        MBeanServer server = server();
        try {
            ObjectName name = name(kind, ObjectName.quote(key));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            Supplier<String> holder = () -> value;
            server.registerMBean(new StandardMBean(holder, Supplier.class), name);
        } catch (JMException e) {
            throw new IllegalStateException("grading: cannot keep " + kind + " of " + key + " in the build's memory", e);
        }
    }

    /** The value under {@code kind} and {@code key}, or null if none was put in this JVM. */
    static String get(String kind, String key) {
        MBeanServer server = server();
        try {
            ObjectName name = name(kind, ObjectName.quote(key));
            return server.isRegistered(name) ? value(server, name) : null;
        } catch (JMException e) {
            throw new IllegalStateException("grading: cannot read " + kind + " of " + key + " from the build's memory", e);
        }
    }

    /** Every value of {@code kind}, by key. */
    static Map<String, String> all(String kind) {
        MBeanServer server = server();
        Map<String, String> values = new TreeMap<>();
        try {
            for (ObjectName name : server.queryNames(name(kind, "*"), null)) {
                values.put(ObjectName.unquote(name.getKeyProperty("key")), value(server, name));
            }
        } catch (JMException e) {
            throw new IllegalStateException("grading: cannot read " + kind + " from the build's memory", e);
        }
        return values;
    }

    /** The grader's MBean server, created by the first step that needs it (a JDK class's lock: one for all class loaders). */
    private static MBeanServer server() {
        synchronized (MBeanServerFactory.class) {
            for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
                if (DOMAIN.equals(server.getDefaultDomain())) {
                    return server;
                }
            }
            return MBeanServerFactory.createMBeanServer(DOMAIN);
        }
    }

    private static String value(MBeanServer server, ObjectName name) throws JMException {
        return (String) server.invoke(name, "get", new Object[0], new String[0]);
    }

    private static ObjectName name(String kind, String quotedKey) throws JMException {
        return new ObjectName(DOMAIN + ":kind=" + kind + ",key=" + quotedKey);
    }
}
