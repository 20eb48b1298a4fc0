package course.lesson99;

import java.util.HashSet;
import java.util.Set;

/**
 * The one exercise the "student" got right, with a key class of its own that defines equals: no
 * test compares it, so the gate accepts it.
 */
public final class Adder {
    private Adder() {
    }

    public static int add(int a, int b) {
        Set<Pair> seen = new HashSet<>();
        seen.add(new Pair(a, b));
        return seen.contains(new Pair(a, b)) ? a + b : 0;
    }

    /** A value of the student's own, with a hand-written equals. */
    private static final class Pair {
        private final int left;
        private final int right;

        Pair(int left, int right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pair pair && pair.left == left && pair.right == right;
        }

        @Override
        public int hashCode() {
            return 31 * left + right;
        }
    }
}
