package course.lesson99;

/** Answers through a class it placed in Surefire's package. */
public final class Pretender {
    private Pretender() {
    }

    public static int answer() {
        return org.apache.maven.surefire.booter.Impostor.answer();
    }
}
