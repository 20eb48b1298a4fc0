package course.lesson99;

import java.util.HashSet;
import java.util.Set;

/**
 * The one exercise the "student" got right, with a key record of its own: the gate accepts a
 * record's generated equals (a hand-written one it refuses, wherever it is).
 */
public final class Adder {
    private Adder() {
    }

    public static int add(int a, int b) {
        Set<Pair> seen = new HashSet<>();
        seen.add(new Pair(a, b));
        return seen.contains(new Pair(a, b)) ? a + b : 0;
    }

    /** A key of the student's own: a record, whose generated equals compares every component. */
    private record Pair(int left, int right) {
    }
}
