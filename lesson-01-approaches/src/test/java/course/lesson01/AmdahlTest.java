package course.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import course.grading.Points;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Exercise 5 · Amdahl's law: speed-up, its limit, and the lecture's measurement")
class AmdahlTest {

    /** The lecture's prime check: about 128 s one number after another, 44.48 s with processes. */
    private static final double LECTURE_SEQUENTIAL = 128.0;
    private static final double LECTURE_PARALLEL = 44.48;

    @ParameterizedTest(name = "p = {0}, {1} cores -> {2}")
    @CsvSource({
        "0.5,  2,  1.333333",
        "0.9,  4,  3.076923",
        "0.95, 8,  5.925926",
        "1.0,  4,  4.0",
        "0.0,  16, 1.0",
        "0.9,  1,  1.0",
    })
    @Points(3)
    @DisplayName("speed-up is 1 / ((1 - p) + p / n)")
    void speedup(double p, int cores, double expected) {
        double actual = Amdahl.speedup(p, cores);

        if (expected != 1.0 && Math.abs(actual * expected - 1.0) < 1e-6) {
            fail("speedup(p=%s, cores=%d) returned %.6f = (1 - p) + p / n: that is how long the parallel run takes "
                    + "(as a fraction of the sequential run), not the speed-up. The speed-up is its reciprocal: "
                    + "1 / ((1 - p) + p / n) = %.6f", p, cores, actual, expected);
        }
        assertThat(actual)
                .withFailMessage("speedup(p=%s, cores=%d) should be %.6f but was %.6f: the serial part (1 - p) "
                        + "takes as long as ever, only the parallel part p is divided by the cores",
                        p, cores, expected, actual)
                .isCloseTo(expected, within(1e-6));
    }

    @Test
    @Points(1)
    @DisplayName("with infinitely many cores the speed-up is capped at 1 / (1 - p)")
    void maxSpeedup() {
        double max = Amdahl.maxSpeedup(0.9);
        if (Math.abs(max - 0.1) < 1e-9) {
            fail("maxSpeedup(0.9) returned %.6f = 1 - p, the serial fraction: the speed-up is its reciprocal, "
                    + "1 / (1 - p) = 10", max);
        }
        assertThat(Amdahl.maxSpeedup(0.9)).as("maxSpeedup(0.9)").isCloseTo(10.0, within(1e-9));
        assertThat(Amdahl.maxSpeedup(0.95)).as("maxSpeedup(0.95)").isCloseTo(20.0, within(1e-9));
        assertThat(Amdahl.maxSpeedup(0.0)).as("maxSpeedup(0): nothing parallel, nothing gained").isCloseTo(1.0, within(1e-9));
        assertThat(Amdahl.maxSpeedup(1.0)).as("maxSpeedup(1.0): fully parallel, no limit").isInfinite();
    }

    @Test
    @Points(2)
    @DisplayName("the lecture's 128 s versus 44.48 s implies a parallel fraction of about 0.87 on 4 cores")
    void lectureMeasurement() {
        double p4 = Amdahl.parallelFraction(LECTURE_SEQUENTIAL, LECTURE_PARALLEL, 4);
        double p8 = Amdahl.parallelFraction(LECTURE_SEQUENTIAL, LECTURE_PARALLEL, 8);

        assertThat(p4)
                .withFailMessage("parallelFraction(128, 44.48, 4) should be about 0.8701 but was %.4f: "
                        + "solve 1 / ((1 - p) + p / n) = S for p, with S = 128 / 44.48", p4)
                .isCloseTo(0.8701, within(5e-4));
        assertThat(Amdahl.speedup(p4, 4))
                .as("the fraction must reproduce the measured speed-up 128 / 44.48")
                .isCloseTo(LECTURE_SEQUENTIAL / LECTURE_PARALLEL, within(1e-9));
        assertThat(p8)
                .withFailMessage("parallelFraction(128, 44.48, 8) should be about 0.7457 but was %.4f: "
                        + "the same speed-up on more cores means a smaller parallel part", p8)
                .isCloseTo(0.7457, within(5e-4));
        assertThat(atTheBound("parallelFraction(8, 2, 4): exactly 4 times faster on 4 cores",
                () -> Amdahl.parallelFraction(8, 2, 4)))
                .as("parallelFraction(8, 2, 4): a speed-up of exactly the number of cores means all of it runs in parallel")
                .isCloseTo(1.0, within(1e-9));
        assertThat(atTheBound("parallelFraction(5, 5, 4): exactly as fast as sequential",
                () -> Amdahl.parallelFraction(5, 5, 4)))
                .as("parallelFraction(5, 5, 4): no speed-up at all means nothing runs in parallel")
                .isCloseTo(0.0, within(1e-9));
    }

    /** A measurement at a bound of what Amdahl's law allows: possible, so it must not be rejected. */
    private static double atTheBound(String call, java.util.function.DoubleSupplier code) {
        try {
            return code.getAsDouble();
        } catch (IllegalArgumentException e) {
            throw new AssertionError(call + " threw " + e + ", but a speed-up of exactly 1 or exactly the number "
                    + "of cores is possible (p = 0 or p = 1): only a speed-up below 1 or above the number of cores "
                    + "is impossible. Check your comparisons at the bounds (< and >, not <= and >=)", e);
        }
    }

    @Test
    @Points(2)
    @DisplayName("rejects fractions outside [0, 1], fewer than one core and impossible measurements")
    void rejectsNonsense() {
        rejects("speedup(-0.1, 4)", () -> Amdahl.speedup(-0.1, 4));
        rejects("speedup(1.1, 4)", () -> Amdahl.speedup(1.1, 4));
        rejects("speedup(NaN, 4)", () -> Amdahl.speedup(Double.NaN, 4));
        rejects("speedup(0.5, 0)", () -> Amdahl.speedup(0.5, 0));
        rejects("maxSpeedup(2)", () -> Amdahl.maxSpeedup(2));
        rejects("parallelFraction(128, 44.48, 1): one core is not a parallel run",
                () -> Amdahl.parallelFraction(128, 44.48, 1));
        rejects("parallelFraction(128, 44.48, 2): 2.88 times faster on 2 cores is impossible",
                () -> Amdahl.parallelFraction(128, 44.48, 2));
        rejects("parallelFraction(10, 20, 4): slower than sequential", () -> Amdahl.parallelFraction(10, 20, 4));
        rejects("parallelFraction(0, 1, 4): a time of 0 s", () -> Amdahl.parallelFraction(0, 1, 4));
        rejects("parallelFraction(NaN, 10, 4): NaN is no time (every comparison with NaN is false, so a check "
                + "like 'seconds <= 0' lets it through; check !(seconds > 0))",
                () -> Amdahl.parallelFraction(Double.NaN, 10, 4));
    }

    private static void rejects(String call, ThrowingCallable code) {
        Throwable thrown = StarterCalls.thrownBy(code);
        assertThat(thrown)
                .withFailMessage("%s must throw IllegalArgumentException, but %s", call,
                        thrown == null ? "returned normally" : "threw " + thrown)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
