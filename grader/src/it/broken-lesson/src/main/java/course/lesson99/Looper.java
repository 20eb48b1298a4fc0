package course.lesson99;

/** Never finishes loading. */
public final class Looper {
    static volatile boolean forever = true;

    static {
        while (forever) {
            Thread.onSpinWait();
        }
    }

    private Looper() {
    }

    public static int answer() {
        return 42;
    }
}
