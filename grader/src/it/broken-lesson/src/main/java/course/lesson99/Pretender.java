package course.lesson99;

/** Answers through a class it placed in Surefire's package, and one in another lesson's package. */
public final class Pretender {
    private Pretender() {
    }

    public static int answer() throws Exception {
        return org.apache.maven.surefire.booter.Impostor.answer() + course.lesson03.Borrower.answer();
    }
}
