package course.grading.report;

import course.grading.Points;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

/**
 * One graded test as JUnit discovers it in the compiled tests: a test method, or a parameterized
 * or repeated one whose points are shared by its invocations. The one model of graded tests:
 * the points table, results.json and the README check all read it.
 *
 * @param className     the class that declares the method (a nested class: {@code Outer$Inner})
 * @param method        the method's name, as the build's report names a plain test
 * @param invocations   for a template, the prefix of its invocations in the report: {@code method(int)}
 * @param lesson        the lesson's package, e.g. {@code course.lesson02}
 * @param exerciseClass the top-level test class: one exercise
 * @param exercise      the exercise's display name ("Exercise 1 · …")
 * @param name          the test's display name, below the exercise ("Nested › test")
 * @param points        its points, 0 when it carries no {@link Points}
 * @param template      whether its invocations are registered while it runs
 */
record GradedTest(String className, String method, String invocations, String lesson, String exerciseClass,
                  String exercise, String name, int points, boolean template) {

    private static final Pattern LESSON_PACKAGE = Pattern.compile("^(course\\.lesson\\d\\d)\\.");

    /**
     * Discovers the graded tests among the compiled test classes, as the build runs them (tests
     * tagged {@code demo} or {@code integration} are not graded). The classes are loaded without
     * being initialized, in a class loader of their own: no code of the student's runs here.
     */
    static List<GradedTest> discover(Path testClasses, Path classes, String classNamePattern) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(testClasses), url(classes)},
                GradedTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .build());
            TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeClassNamePatterns(classNamePattern), TagFilter.excludeTags("demo", "integration"))
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL url(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static GradedTest of(TestPlan plan, TestIdentifier id, MethodSource method) {
        String className = method.getClassName();
        String topLevel = Recorded.topLevel(className);
        Matcher lesson = LESSON_PACKAGE.matcher(topLevel);
        Points points = pointsOf(method);
        List<String> names = new ArrayList<>();
        String exercise = topLevel.substring(topLevel.lastIndexOf('.') + 1);
        for (TestIdentifier node = id; node != null; node = plan.getParent(node).orElse(null)) {
            if (node.getSource().orElse(null) instanceof ClassSource source && source.getClassName().equals(topLevel)) {
                exercise = node.getDisplayName();
                break;
            }
            names.add(0, node.getDisplayName());
        }
        String parameters = method.getMethodParameterTypes().replaceAll("[\\w.]*\\.", "").replace(" ", "");
        return new GradedTest(className, method.getMethodName(), method.getMethodName() + "(" + parameters + ")",
                lesson.find() ? lesson.group(1) : "course", topLevel, exercise, String.join(" › ", names),
                points == null ? 0 : points.value(), id.isContainer());
    }

    private static Points pointsOf(MethodSource source) {
        try {
            return source.getJavaMethod().getAnnotation(Points.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The exercise's test class without its package: {@code BankTest}. */
    String exerciseSimpleName() {
        return exerciseClass.substring(exerciseClass.lastIndexOf('.') + 1);
    }
}
