package course.lesson99;

/** Prints a quarter of a megabyte, then fails with a megabyte-long message that tries to rewrite the table. */
public final class Shouter {
    private Shouter() {
    }

    public static int answer() {
        String line = "x".repeat(1023);
        for (int i = 0; i < 256; i++) {
            System.out.println(line);
        }
        // A carriage return: on a terminal the rest would rewrite the points table's row.
        throw new IllegalStateException("y".repeat(10) + "\rExercise 5 · Shouter +10/10" + "y".repeat(1024 * 1024));
    }
}
