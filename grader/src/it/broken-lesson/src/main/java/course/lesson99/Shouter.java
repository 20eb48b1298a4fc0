package course.lesson99;

/** Prints a quarter of a megabyte, then fails with a megabyte-long message. */
public final class Shouter {
    private Shouter() {
    }

    public static int answer() {
        String line = "x".repeat(1023);
        for (int i = 0; i < 256; i++) {
            System.out.println(line);
        }
        throw new IllegalStateException("y".repeat(1024 * 1024));
    }
}
