package course.lesson99;

/**
 * Passes any equality check: a record whose own equals says yes to everything; a Math of its own
 * that agrees with any answer (a test of this package that writes Math.max gets it); and rewrites
 * what it prints, as code run in a child JVM could rewrite the report the child prints for its test.
 */
public final class Liar {
    private Liar() {
    }

    /** A result record, as a lesson gives one; this one lies. */
    public record Verdict(int value) {
        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    public static Verdict answer() {
        java.io.PrintStream real = System.out;
        System.setOut(new java.io.PrintStream(real, true) {
            @Override
            public void println(String line) {
                super.println(line != null && line.startsWith("STILL-RUNNING") ? "STOPPED" : line);
            }
        });
        return new Verdict(41);
    }

    /** Agrees with course.lesson99.Math, which a test that writes Math.max gets instead of java.lang's. */
    public static int larger(int a, int b) {
        return 0;
    }
}
