package course.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Switches off the grader's thread-leak check for a test or a whole test class.
 *
 * <p>By default a test fails when threads it started are still alive after it. Use this only
 * where a thread outliving the test is the point of the exercise, and say why.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowThreads {
    /** Why threads may outlive this test. */
    String value();
}
