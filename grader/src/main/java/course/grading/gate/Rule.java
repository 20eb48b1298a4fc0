package course.grading.gate;

import java.util.List;
import java.util.Optional;

/**
 * One thing no solution of an exercise needs, and that code trying to forge a grade or break
 * the grader would: a family of classes or members, with the reason a student reads.
 *
 * @param id       the name a lesson uses to allow it ({@code grading.gate.allow} in its pom)
 * @param what     what it is, as the message names it
 * @param classes  class-name prefixes (a class, or a package ending in '.')
 * @param members  member prefixes, {@code owner#name} or {@code owner#name(descriptor}
 */
public record Rule(String id, String what, List<String> classes, List<String> members) {

    /** Every rule; a lesson allows some of them by id. */
    public static final List<Rule> ALL = List.of(
            new Rule("grader", "the grader's own classes", List.of("course.grading."), List.of()),
            new Rule("harness", "the test harness (JUnit, Surefire, AssertJ, Mockito, …)",
                    List.of("org.junit.", "org.opentest4j.", "org.apache.maven.", "org.assertj.", "org.mockito.",
                            "org.awaitility.", "com.google.gson.", "org.hamcrest."), List.of()),
            new Rule("internals", "JVM internals and instrumentation",
                    List.of("java.lang.instrument.", "net.bytebuddy.", "sun.", "jdk.internal.", "com.sun.tools.",
                            "com.sun.jdi.", "java.lang.foreign.", "javax.tools.", "javax.script.", "java.lang.ModuleLayer"),
                    List.of("java.lang.Module#add", "java.lang.System#load", "java.lang.Runtime#load")),
            new Rule("reflection", "reflection, class loading by name, or code run from text",
                    List.of("java.lang.reflect.", "java.net.URLClassLoader", "java.lang.StackWalker",
                            "java.beans.", "jdk.jshell.", "jdk.dynalink.", "java.util.spi.ToolProvider"),
                    List.of("java.lang.Class#forName", "java.lang.Class#getDeclared", "java.lang.Class#getMethod",
                            "java.lang.Class#getField", "java.lang.Class#getConstructor", "java.lang.Class#getRecordComponents",
                            "java.lang.Class#newInstance", "java.lang.Class#getClassLoader", "java.lang.ClassLoader#",
                            "java.lang.Thread#getContextClassLoader", "java.lang.invoke.MethodHandles$Lookup#findStatic",
                            "java.lang.invoke.MethodHandles$Lookup#findVirtual", "java.lang.invoke.MethodHandles$Lookup#findSpecial",
                            "java.lang.invoke.MethodHandles$Lookup#findConstructor", "java.lang.invoke.MethodHandles$Lookup#findGetter",
                            "java.lang.invoke.MethodHandles$Lookup#findSetter", "java.lang.invoke.MethodHandles$Lookup#findStaticGetter",
                            "java.lang.invoke.MethodHandles$Lookup#findStaticSetter", "java.lang.invoke.MethodHandles$Lookup#findClass",
                            "java.lang.invoke.MethodHandles$Lookup#unreflect", "java.lang.invoke.MethodHandles$Lookup#define",
                            "java.lang.invoke.MethodHandles$Lookup#in", "java.lang.invoke.MethodHandles$Lookup#accessClass",
                            "java.lang.invoke.MethodHandles$Lookup#ensureInitialized", "java.lang.invoke.MethodHandles#privateLookupIn",
                            "java.lang.invoke.MethodHandles#publicLookup")),
            new Rule("varhandles", "VarHandles (lesson 06 teaches them; elsewhere no solution needs them)", List.of(),
                    List.of("java.lang.invoke.MethodHandles#lookup", "java.lang.invoke.MethodHandles$Lookup#findVarHandle",
                            "java.lang.invoke.MethodHandles$Lookup#findStaticVarHandle", "java.lang.invoke.VarHandle#")),
            new Rule("descriptors", "raw file descriptors", List.of("java.io.FileDescriptor"), List.of()),
            new Rule("exit", "ending the JVM (System.exit, Runtime.halt)", List.of(),
                    List.of("java.lang.System#exit", "java.lang.Runtime#exit", "java.lang.Runtime#halt")),
            new Rule("hooks", "shutdown hooks", List.of(), List.of("java.lang.Runtime#addShutdownHook",
                    "java.lang.Runtime#removeShutdownHook")),
            new Rule("properties", "changing system properties",
                    List.of(), List.of("java.lang.System#setProperty", "java.lang.System#clearProperty",
                            "java.lang.System#setProperties", "java.lang.System#getProperties",
                            "java.util.logging.LogManager#readConfiguration", "java.util.logging.LogManager#updateConfiguration")),
            new Rule("streams", "replacing System.out, System.err or System.in",
                    List.of(), List.of("java.lang.System#setOut", "java.lang.System#setErr", "java.lang.System#setIn")),
            new Rule("files", "writing or deleting files",
                    List.of("java.io.FileOutputStream", "java.io.FileWriter", "java.io.RandomAccessFile",
                            "java.nio.channels.FileChannel", "java.nio.channels.AsynchronousFileChannel"),
                    List.of("java.nio.file.Files#write", "java.nio.file.Files#newOutputStream",
                            "java.nio.file.Files#newBufferedWriter", "java.nio.file.Files#newByteChannel",
                            "java.nio.file.Files#copy", "java.nio.file.Files#move", "java.nio.file.Files#delete",
                            "java.nio.file.Files#create", "java.nio.file.Files#set",
                            "java.nio.file.spi.FileSystemProvider#",
                            "java.io.File#delete", "java.io.File#renameTo", "java.io.File#create", "java.io.File#mkdir",
                            "java.io.File#set", "java.io.PrintWriter#<init>(Ljava/lang/String;",
                            "java.io.PrintWriter#<init>(Ljava/io/File;", "java.io.PrintStream#<init>(Ljava/lang/String;",
                            "java.io.PrintStream#<init>(Ljava/io/File;", "java.util.Formatter#<init>(Ljava/lang/String;",
                            "java.util.Formatter#<init>(Ljava/io/File;")),
            new Rule("udp", "UDP sockets (the grader allows only TCP on loopback)",
                    List.of("java.net.DatagramSocket", "java.net.MulticastSocket", "java.net.DatagramPacket",
                            "java.nio.channels.DatagramChannel"), List.of()),
            // Reading this JVM's own beans (its pid, its threads, its processors) is fine; the MBean
            // server and the JDK's own beans run commands (heap dumps and flight recordings into files,
            // VM flags) that no guard of the test JVM sees.
            new Rule("management", "the JVM's management server and diagnostic beans",
                    List.of("javax.management.", "com.sun.management.", "jdk.management.", "sun.management."),
                    List.of("java.lang.management.ManagementFactory#getPlatformMBeanServer",
                            "java.lang.management.ManagementFactory#getPlatformMXBean",
                            "java.lang.management.ManagementFactory#newPlatformMXBeanProxy",
                            "java.lang.management.ManagementFactory#getPlatformManagementInterfaces")),
            new Rule("processes", "starting processes", List.of("java.lang.ProcessBuilder"),
                    List.of("java.lang.Runtime#exec")),
            new Rule("other-processes", "reaching processes other than your own children (the parent is the grader)",
                    List.of(), List.of("java.lang.ProcessHandle#parent", "java.lang.ProcessHandle#allProcesses",
                            "java.lang.ProcessHandle#of")));

    /** What of a class this rule forbids, if anything: the first class or member that matches. */
    public Optional<String> match(ClassFile file) {
        for (String type : file.classes()) {
            for (String prefix : classes) {
                if (type.equals(prefix) || prefix.endsWith(".") && type.startsWith(prefix)
                        || type.startsWith(prefix + "$")) {
                    return Optional.of(type);
                }
            }
        }
        for (String member : file.members()) {
            for (String prefix : members) {
                if (member.startsWith(prefix)) {
                    String shown = member.contains("(") ? member.substring(0, member.indexOf('(')) : member;
                    return Optional.of(shown.replace('#', '.') + "()");
                }
            }
        }
        return Optional.empty();
    }
}
