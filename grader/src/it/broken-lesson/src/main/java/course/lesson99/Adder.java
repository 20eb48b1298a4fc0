package course.lesson99;

/** The one exercise the "student" got right. */
public final class Adder {
    private Adder() {
    }

    public static int add(int a, int b) {
        return a + b;
    }
}
