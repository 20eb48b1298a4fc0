package course.lesson99;

/**
 * Named like java.lang.Math: a test of this package that writes Math.max, importing nothing, gets
 * this class, which agrees with Liar.larger. The gate refuses a class a test names by a java.lang name.
 */
public final class Math {
    private Math() {
    }

    public static int max(int a, int b) {
        return 0;
    }
}
