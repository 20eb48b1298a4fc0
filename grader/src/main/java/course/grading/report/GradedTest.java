package course.grading.report;

import course.grading.Points;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

/**
 * One graded test as discovered in the compiled tests: a test method, or a parameterized or
 * repeated one whose points are shared by its invocations.
 *
 * @param uniqueId     JUnit's id, the key that links it to the events the test JVMs wrote
 * @param lesson       the lesson's package, e.g. {@code course.lesson02}
 * @param exerciseClass the top-level test class: one exercise
 * @param exercise     the exercise's display name ("Exercise 1 · …")
 * @param name         the test's display name, below the exercise ("Nested › test")
 * @param points       its points, 0 when it carries no {@link Points}
 * @param template     whether its invocations are registered while it runs
 */
record GradedTest(String uniqueId, String lesson, String exerciseClass, String exercise, String name,
                  int points, boolean template) {

    private static final Pattern LESSON_PACKAGE = Pattern.compile("^(course\\.lesson\\d\\d)\\.");

    /** Discovers the graded tests among the compiled test classes, as Surefire would run them. */
    static List<GradedTest> discover(Path testClasses, String classNamePattern) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .filters(includeClassNamePatterns(classNamePattern))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build());
        List<GradedTest> tests = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof MethodSource method) {
                    tests.add(of(plan, id, method));
                }
            }
        }
        return tests;
    }

    private static GradedTest of(TestPlan plan, TestIdentifier id, MethodSource method) {
        String className = method.getClassName();
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        Matcher lesson = LESSON_PACKAGE.matcher(topLevel);
        Points points = pointsOf(method);
        List<String> names = new ArrayList<>();
        String exercise = topLevel.substring(topLevel.lastIndexOf('.') + 1);
        for (TestIdentifier node = id; node != null; node = plan.getParent(node).orElse(null)) {
            if (node.getSource().orElse(null) instanceof ClassSource source
                    && source.getClassName().equals(topLevel)) {
                exercise = node.getDisplayName();
                break;
            }
            names.add(0, node.getDisplayName());
        }
        return new GradedTest(id.getUniqueId(), lesson.find() ? lesson.group(1) : "course",
                topLevel, exercise, String.join(" › ", names), points == null ? 0 : points.value(),
                id.isContainer());
    }

    private static Points pointsOf(MethodSource source) {
        try {
            return source.getJavaMethod().getAnnotation(Points.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
