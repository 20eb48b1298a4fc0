package course.lesson99;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands back objects whose equals says yes to everything, inside a List<String> (generics are
 * erased, so no test names their class and the gate, which looks at types the tests compare, lets
 * them pass); its key class's honest, hand-written equals the gate accepts too. The equals guard
 * of the test JVM makes the liars' equals say no to the strings they are compared with.
 */
public final class Smuggler {
    private Smuggler() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<String> words() {
        List raw = new ArrayList();
        raw.add(new Yes());
        raw.add(new Yes());
        return raw;
    }

    private static final class Yes {
        @Override
        public boolean equals(Object other) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
