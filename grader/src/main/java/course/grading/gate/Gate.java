package course.grading.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The static gate: reads the compiled student classes (bytes only, nothing is loaded) before
 * any test runs, and finds what no solution needs and a forgery would: the grader's classes,
 * the tests (answer keys), instrumentation, reflection, raw descriptors, file writes, UDP, …
 * ({@link Rule#ALL}); a lesson allows what its topic needs with {@code grading.gate.allow} in
 * its pom (lesson 03 starts processes).
 *
 * <p>A class outside the lesson's own package, or a {@code module-info}, is refused and its
 * class file removed: it could otherwise stand in for a library class on the test class path.
 *
 * <p>A refusal costs the exercises whose tests reach the class (through the classes they use,
 * transitively), never the others. In a grade run every refused class's file is removed, reached
 * or not, so its code never runs: a name built at run time (a child JVM's main class, a service a
 * library looks up) could otherwise run a class no test reaches (a test that reaches one fails with
 * {@code NoClassDefFoundError}, and the report says why). A student's own run removes only those a
 * test reaches, so that a course demo the gate refuses need not be compiled again by every run.
 * Uses only the JDK: it runs in the Maven JVM before the student's classes could be on any class
 * path.
 */
public final class Gate {
    private static final Pattern LESSON_PACKAGE = Pattern.compile("^course\\.lesson(\\d\\d)(\\.|$)");
    /** The course's own code shared by the lessons' demos ({@code shared/src/main/java}), compiled into each lesson. */
    private static final String SHARED = "course.shared.";
    private static final Pattern MODULE = Pattern.compile("<artifactId>lesson-(\\d\\d)-[^<]*</artifactId>");
    private static final Pattern ALLOW = Pattern.compile("<grading\\.gate\\.allow>([^<]*)</grading\\.gate\\.allow>");

    /** Why a student class was refused. */
    public record Refusal(String className, String reason) {
        public String message() {
            return "the grading gate refused " + className + ": " + reason;
        }
    }

    /** For a quick look: {@code Gate <root> <classes> <test-classes>} prints what it refuses (and removes what a test reaches). */
    public static void main(String[] args) throws IOException {
        new Gate(Path.of(args[0]), Path.of(args[0])).check(Path.of(args[1]), Path.of(args[2]), false)
                .forEach((test, refusals) -> refusals.forEach(r -> System.out.println(test + ": " + r.message())));
    }

    private final Path root;
    private final Path basedir;
    private final Map<String, Set<String>> allowedByLesson = new TreeMap<>();

    /** {@code root}: the course, whose lesson folders hold the allowances; {@code basedir}: the module graded. */
    public Gate(Path root, Path basedir) {
        this.root = root;
        this.basedir = basedir;
    }

    /** {@link #check(Path, Path, boolean)} as a student's run does it (the mistakes catalogue's worker asks so). */
    public Map<String, List<Refusal>> check(Path classes, Path testClasses) throws IOException {
        return check(classes, testClasses, false);
    }

    /**
     * Checks the student classes; removes the class files of classes outside the course's
     * lesson packages and of every refused class a test reaches, or with {@code everyRefused} (a
     * grade run) of every refused class. Returns, for each top-level test class that reaches
     * refused code, the refusals it reaches (an exercise with no entry is clean).
     */
    public Map<String, List<Refusal>> check(Path classes, Path testClasses, boolean everyRefused) throws IOException {
        boolean sharedTrusted = !studentWroteShared();
        Optional<String> ownLesson = moduleLesson();
        Map<String, ClassFile> student = read(classes, true, sharedTrusted);
        Map<String, ClassFile> tests = read(testClasses, false, false);
        Set<String> compared = comparedByTests(tests, student);
        Set<String> named = new HashSet<>();
        tests.values().forEach(test -> named.addAll(test.classes()));
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (ClassFile file : student.values()) {
            refusal(file, sharedTrusted, ownLesson, compared, named).or(() -> testClassUsed(file, tests, student))
                    .ifPresent(r -> refused.put(file.name(), r));
        }
        Map<String, List<Refusal>> byExercise = new TreeMap<>();
        for (String test : tests.keySet()) {
            if (test.contains("$") || !LESSON_PACKAGE.matcher(test).find()) {
                continue;
            }
            List<Refusal> reached = reached(test, tests, student, refused);
            if (!reached.isEmpty()) {
                byExercise.put(test, reached);
            }
        }
        // A refused class that a test reaches never runs, so a sacrificed exercise cannot carry code for
        // the others. In a grade run no refused class runs: a name built at run time can reach one no
        // test names (a child JVM's main class: the red team's Escaper did it). A student's run keeps
        // those, so that the next build need not compile again (a course demo that reads management beans).
        Set<String> reachedByTests = new HashSet<>();
        byExercise.values().forEach(reached -> reached.forEach(r -> reachedByTests.add(r.className())));
        for (Refusal refusal : refused.values()) {
            if (everyRefused || reachedByTests.contains(refusal.className())) {
                Files.deleteIfExists(classes.resolve(refusal.className().replace('.', '/') + ".class"));
            }
        }
        return byExercise;
    }

    private Optional<Refusal> refusal(ClassFile file, boolean sharedTrusted, Optional<String> own, Set<String> compared,
                                      Set<String> namedByTests) throws IOException {
        if (file.name().startsWith(SHARED) && sharedTrusted) {
            return Optional.empty();
        }
        Matcher lesson = LESSON_PACKAGE.matcher(file.name());
        if (!lesson.find()) {
            return Optional.of(new Refusal(file.name(), "it lies outside the lesson's package (course.lessonNN):"
                    + " write your classes in the lesson's package"));
        }
        // Another lesson's package would bring that lesson's allowances (lesson 03 may start processes).
        if (own.isPresent() && !own.get().equals(lesson.group(1))) {
            return Optional.of(new Refusal(file.name(), "it lies in another lesson's package (course.lesson" + lesson.group(1)
                    + "): write your classes in this lesson's package, course.lesson" + own.get()));
        }
        // In a test of this package, Math or Thread (java.lang's, imported by no line) means the
        // student's class of that name when there is one: it could agree with any answer.
        String simple = file.name().substring(file.name().lastIndexOf('.') + 1);
        if (namedByTests.contains(file.name()) && isJavaLangType(simple)) {
            return Optional.of(new Refusal(file.name(), "it has the name of java.lang." + simple + ", which the tests"
                    + " of its package would then use instead of the JDK's; give your class another name"));
        }
        if (!file.equality().isEmpty() && compared.contains(file.name())) {
            return Optional.of(new Refusal(file.name(), "it defines its own equals(Object) in a type the tests may"
                    + " compare with equals (one they use, or a collection, text or number type), so an equals of your"
                    + " own could make any answer look right; keep the records as given (their equals compares every"
                    + " component)"));
        }
        Set<String> allowed = allowed(lesson.group(1));
        for (Rule rule : Rule.ALL) {
            if (allowed.contains(rule.id())) {
                continue;
            }
            Optional<String> hit = rule.match(file);
            if (hit.isPresent()) {
                return Optional.of(new Refusal(file.name(), "it uses " + hit.get() + " (" + rule.what()
                        + "), which no solution of this lesson needs"));
            }
        }
        return Optional.empty();
    }

    /**
     * The student types whose {@code equals} a test may call: those the tests use, the types they
     * inherit from, and any that is a JDK collection, text or number type (code can return one
     * where a {@code List} or a {@code CharSequence} is expected). An {@code equals} elsewhere (a key
     * class of the student's own) decides no verdict.
     */
    private static Set<String> comparedByTests(Map<String, ClassFile> tests, Map<String, ClassFile> student) {
        Set<String> compared = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        tests.values().forEach(test -> test.classes().stream().filter(student::containsKey).forEach(todo::add));
        for (ClassFile file : student.values()) {
            if (valueLike(file, student, new HashSet<>())) {
                todo.add(file.name());
            }
        }
        while (!todo.isEmpty()) {
            String name = todo.pop();
            ClassFile file = student.get(name);
            if (file != null && compared.add(name)) {
                file.supertypes().forEach(todo::push);
            }
        }
        return compared;
    }

    /** Whether a student type is, directly or through its supertypes, a JDK value type a test could compare. */
    private static boolean valueLike(ClassFile file, Map<String, ClassFile> student, Set<String> seen) {
        for (String type : file.supertypes()) {
            if (!seen.add(type)) {
                continue;
            }
            ClassFile own = student.get(type);
            if (own != null ? valueLike(own, student, seen)
                    : type.startsWith("java.util.") && !type.startsWith("java.util.function.")
                    && !type.startsWith("java.util.concurrent.") && !type.equals("java.util.EventListener")
                    || type.equals("java.lang.CharSequence") || type.equals("java.lang.Number")
                    || type.equals("java.lang.Iterable") || type.startsWith("java.util.concurrent.Concurrent")
                    || type.startsWith("java.util.concurrent.Blocking") || type.startsWith("java.util.concurrent.Transfer")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code java.lang} has a public type of this simple name (the JDK's, never a student's). */
    private static boolean isJavaLangType(String simple) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName("java.lang." + simple, false, null).getModifiers());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** A student class may not use the tests' classes: their expectations are the answer key. */
    private static Optional<Refusal> testClassUsed(ClassFile file, Map<String, ClassFile> tests, Map<String, ClassFile> student) {
        return file.classes().stream()
                .filter(used -> tests.containsKey(used) && !student.containsKey(used) && !used.startsWith("course.grading."))
                .findFirst()
                .map(used -> new Refusal(file.name(), "it uses the test class " + used
                        + " (the tests and their expected answers are not for your code to read)"));
    }

    /** The refused student classes that a test class reaches through the classes it uses. */
    private static List<Refusal> reached(String test, Map<String, ClassFile> tests, Map<String, ClassFile> student,
                                         Map<String, Refusal> refused) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        tests.keySet().stream().filter(n -> n.equals(test) || n.startsWith(test + "$")).forEach(todo::add);
        List<Refusal> reached = new ArrayList<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name) || name.startsWith("course.grading.")) {
                continue;
            }
            // Test classes first: on the class path they come before the student's.
            ClassFile file = tests.containsKey(name) ? tests.get(name) : student.get(name);
            if (file == null) {
                continue;
            }
            if (!tests.containsKey(name) && refused.containsKey(name)) {
                reached.add(refused.get(name));
            }
            for (String used : file.classes()) {
                if ((student.containsKey(used) || tests.containsKey(used)) && !seen.contains(used)) {
                    todo.push(used);
                }
            }
            // Nested and local classes of a used class run as part of it.
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            student.keySet().stream().filter(n -> n.startsWith(outer + "$") && !seen.contains(n)).forEach(todo::push);
        }
        return reached;
    }

    /** The lesson number of the module graded ({@code lesson-NN-…} in its pom), if it is one lesson's module. */
    private Optional<String> moduleLesson() throws IOException {
        Path pom = basedir.resolve("pom.xml");
        if (!Files.exists(pom)) {
            return Optional.empty();
        }
        Matcher own = MODULE.matcher(Files.readString(pom));
        return own.find() ? Optional.of(own.group(1)) : Optional.empty();
    }

    /** The shared package is the course's: a lesson whose own sources write into it is not trusted there. */
    private boolean studentWroteShared() {
        return Files.exists(basedir.resolve("src/main/java/course/shared"));
    }

    private Set<String> allowed(String lessonNumber) throws IOException {
        Set<String> cached = allowedByLesson.get(lessonNumber);
        if (cached != null) {
            return cached;
        }
        Set<String> allowed = new HashSet<>();
        List<Path> poms = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("lesson-" + lessonNumber + "-"))
                    .map(d -> d.resolve("pom.xml")).forEach(poms::add);
        }
        // The module graded may lie elsewhere (the grader's red-team lesson): its own pom counts for its lesson.
        Path own = basedir.resolve("pom.xml");
        if (Files.exists(own) && Files.readString(own).contains("<artifactId>lesson-" + lessonNumber + "-")) {
            poms.add(own);
        }
        for (Path pom : poms) {
            if (Files.exists(pom)) {
                Matcher m = ALLOW.matcher(Files.readString(pom));
                if (m.find()) {
                    Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(allowed::add);
                }
            }
        }
        allowedByLesson.put(lessonNumber, allowed);
        return allowed;
    }

    /**
     * Reads every class file below a folder. With {@code removeForeign} (the student's classes), a
     * class outside the lesson packages (or a module-info) is read, then its file removed; the
     * course's shared package stays when {@code sharedTrusted} (the student wrote nothing there).
     */
    private static Map<String, ClassFile> read(Path folder, boolean removeForeign, boolean sharedTrusted)
            throws IOException {
        Map<String, ClassFile> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path path : paths) {
            ClassFile file;
            try (InputStream in = Files.newInputStream(path)) {
                file = ClassFile.read(in);
            } catch (IOException e) {
                file = new ClassFile(folder.relativize(path).toString(), null, Set.of("?"), Set.of(), List.of(), Set.of(), Set.of());
            }
            files.put(file.name(), file);
            boolean foreign = !LESSON_PACKAGE.matcher(file.name()).find() && !(sharedTrusted && file.name().startsWith(SHARED));
            if (removeForeign && (foreign || file.name().endsWith("module-info"))) {
                Files.delete(path);
            }
        }
        return files;
    }
}
