package course.grading.report;

import course.grading.Failures;
import course.grading.Outcome;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the build recorded about each test: the JUnit XML reports that Failsafe writes from the
 * Maven JVM, from the events the test JVMs sent it. Code under test never writes these; they are
 * the only source of a verdict. A report that cannot be what the build wrote (a test twice, a
 * file that names another class) marks its exercise as tampered with.
 */
final class Recorded {
    /** One test case as the report names it: {@code method}, or {@code method(Type)[2]} for an invocation. */
    record Case(String className, String name, Outcome outcome, String message) {
    }

    private final Map<String, List<Case>> byTopLevelClass = new TreeMap<>();
    private final Map<String, String> tampered = new TreeMap<>();

    static Recorded read(Path reports) throws IOException {
        Recorded recorded = new Recorded();
        if (!Files.isDirectory(reports)) {
            return recorded;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        DocumentBuilder parser = parser();
        for (Path file : files) {
            String fileClass = file.getFileName().toString().replaceAll("^TEST-|\\.xml$", "");
            String top = topLevel(fileClass);
            try {
                Element suite = parser.parse(file.toFile()).getDocumentElement();
                recorded.add(top, suite);
            } catch (Exception e) {
                recorded.tampered.put(top, file.getFileName() + " is not a report the build wrote (" + e.getMessage() + ")");
            }
        }
        return recorded;
    }

    private void add(String top, Element suite) {
        List<Case> cases = byTopLevelClass.computeIfAbsent(top, k -> new ArrayList<>());
        Map<String, Integer> seen = new HashMap<>();
        NodeList testcases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            String className = testcase.getAttribute("classname");
            String name = testcase.getAttribute("name");
            if (!className.isEmpty() && !topLevel(className).equals(top)) {
                tampered.put(top, "its report names a test of another class (" + className + ")");
            }
            if (seen.merge(className + "#" + name, 1, Integer::sum) > 1) {
                tampered.put(top, "its report holds two results for " + name);
            }
            cases.add(toCase(className.isEmpty() ? top : className, name, testcase));
        }
    }

    private static Case toCase(String className, String name, Element testcase) {
        for (String kind : List.of("failure", "error", "skipped")) {
            NodeList found = testcase.getElementsByTagName(kind);
            if (found.getLength() > 0) {
                Element problem = (Element) found.item(0);
                String message = problem.getAttribute("message");
                String type = problem.getAttribute("type");
                String trace = problem.getTextContent();
                Outcome outcome = switch (kind) {
                    case "skipped" -> Outcome.SKIPPED;
                    case "failure" -> Outcome.classify(type, message, true);
                    default -> Outcome.classify(type, message, false);
                };
                return new Case(className, name, outcome, Failures.describe(outcome, type, message, trace));
            }
        }
        return new Case(className, name, Outcome.PASSED, "");
    }

    /** Whether the build recorded anything for this top-level test class. */
    boolean hasReport(String topLevelClass) {
        return byTopLevelClass.containsKey(topLevelClass);
    }

    Optional<String> tampered(String topLevelClass) {
        return Optional.ofNullable(tampered.get(topLevelClass));
    }

    /**
     * The case of a plain test method: named {@code method}, or {@code method(Types)} when it takes
     * parameters (a {@code @TempDir}, a {@code TestInfo}).
     */
    Optional<Case> test(String className, String method, String withParameters) {
        String bare = withParameters.replace(" ", "");
        return cases(className).stream()
                .filter(c -> c.className().equals(className)
                        && (c.name().equals(method) || c.name().replace(" ", "").equals(bare)))
                .findFirst();
    }

    /** The invocations of a parameterized or repeated test: {@code method(Types)[n]}. */
    List<Case> invocations(String className, String methodWithParameters) {
        return cases(className).stream()
                .filter(c -> c.className().equals(className)
                        && c.name().replace(" ", "").startsWith(methodWithParameters.replace(" ", "") + "["))
                .toList();
    }

    /** A failure of the class itself (a static initializer, {@code @BeforeAll}), if one was recorded. */
    Optional<Case> classFailure(String className) {
        return cases(className).stream()
                .filter(c -> c.className().equals(className) && !c.name().matches("\\w+(\\(.*)?") && c.outcome() != Outcome.PASSED)
                .findFirst();
    }

    private List<Case> cases(String className) {
        return byTopLevelClass.getOrDefault(topLevel(className), List.of());
    }

    static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static DocumentBuilder parser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (Exception e) {
            throw new IOException("no XML parser", e);
        }
    }
}
