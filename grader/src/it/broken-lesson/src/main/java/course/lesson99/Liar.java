package course.lesson99;

/**
 * Passes any equality check: a record whose own equals says yes to everything; and rewrites what
 * it prints, as code run in a child JVM could rewrite the report the child prints for its test.
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
}
