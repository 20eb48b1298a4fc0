package course.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a graded test is worth.
 *
 * <p>Every test in a lesson carries points; the instructor check fails on a test without them.
 * A test earns its points on its own: a lesson is never all-or-nothing. On a parameterized or
 * repeated test the points are shared out over its invocations, so passing three of four cases
 * of a {@code @Points(4)} test earns 3.
 *
 * <pre>{@code
 * @Test
 * @Points(5)
 * @DisplayName("fetches all pages at the same time, not one after another")
 * void fetchesConcurrently() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points this test is worth; a positive whole number. */
    int value();
}
