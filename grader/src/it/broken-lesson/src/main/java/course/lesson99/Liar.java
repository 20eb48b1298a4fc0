package course.lesson99;

/** Passes any equality check: a record whose own equals says yes to everything. */
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
        return new Verdict(41);
    }
}
