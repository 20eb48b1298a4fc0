package course.grading.report;

import java.util.Locale;

/**
 * Who runs the grading, and so what fails the build. Chosen by the Maven profile, which passes
 * it as a literal argument: no user property ({@code -D…}, {@code .mvn/maven.config}) selects it.
 */
enum Mode {
    /** {@code mvn test}: any failing test fails the build (the student has work to do). */
    STUDENT,
    /** {@code -Pgrade}: never fails for failing tests; only when grading itself broke. */
    GRADE,
    /** {@code -Pinstructor}, a lesson: every graded test must fail on the starter, for the right reason. */
    STARTER,
    /** {@code -Pinstructor}, solutions: every graded test must pass on the reference. */
    REFERENCE;

    static Mode of(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT));
    }

    boolean instructor() {
        return this == STARTER || this == REFERENCE;
    }
}
