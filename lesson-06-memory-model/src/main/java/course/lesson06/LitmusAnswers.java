package course.lesson06;

import java.util.Set;

/**
 * Exercise 5 · Litmus tests: what may a two-thread program print under the Java Memory Model?
 *
 * <p>Each method below stands for a <em>family</em> of tiny programs in the style of the jcstress
 * samples: the parameters say which values are written and which fields are {@code volatile}. All
 * fields start at zero unless a parameter says otherwise; thread 1 and thread 2 run once, at the
 * same time; the outcome is read after both threads have been joined. For the program the
 * parameters describe, return the set of outcomes the JMM <em>allows</em> (an outcome the JMM
 * allows is one a conforming JVM may produce on some hardware, even if your laptop never shows it).
 *
 * <p>The tests call each method with every combination of {@code volatile} fields and with values
 * chosen at random on every run, so the answers cannot be written down once: write the
 * <em>reasoning</em> as code. For each possible outcome ask: is there an execution that produces
 * it and breaks no rule of the JMM (program order only binds other threads through
 * happens-before edges; a volatile write happens-before every read that sees it; volatile accesses
 * are totally ordered, consistently with each thread's program order; plain {@code long}s may be
 * written in two halves)?
 *
 * <p>Spell each outcome as the method's Javadoc shows, for example
 * {@code "r1=0, r2=7"} (use {@link #outcome(long, long)} and {@link #outcome(String, long)}).
 * The tests explain every outcome you got wrong.
 */
public final class LitmusAnswers {

    private LitmusAnswers() {
    }

    /** The outcome {@code "r1=<r1>, r2=<r2>"}. */
    public static String outcome(long r1, long r2) {
        return "r1=" + r1 + ", r2=" + r2;
    }

    /** The outcome {@code "<name>=<value>"}, e.g. {@code "x=3"} or {@code "r1=-1"}. */
    public static String outcome(String name, long value) {
        return name + "=" + value;
    }

    /**
     * Racy increment.
     *
     * <pre>
     * int x = initial;        // volatile if xVolatile, plain otherwise
     * thread 1:  x++;
     * thread 2:  x++;
     * outcome:   x (read after both joined)
     * </pre>
     *
     * Possible outcomes: {@code "x=<initial>"}, {@code "x=<initial + 1>"}, {@code "x=<initial + 2>"}.
     */
    public static Set<String> racyIncrement(int initial, boolean xVolatile) {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.racyIncrement() — return the outcomes the JMM allows for x++ on two threads");
    }

    /**
     * Word tearing of a {@code long}.
     *
     * <pre>
     * long v;                 // volatile if vVolatile, plain otherwise
     * thread 1:  v = written; // both 32-bit halves of 'written' are non-zero
     * thread 2:  r1 = v;
     * </pre>
     *
     * Possible outcomes: {@code "r1=0"}, {@code "r1=<written>"}, {@code "r1=<only the low 32 bits
     * of written>"} ({@code written & 0xFFFFFFFFL}), {@code "r1=<only the high 32 bits of written>"}
     * ({@code written & 0xFFFFFFFF00000000L}).
     */
    public static Set<String> longTearing(long written, boolean vVolatile) {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.longTearing() — return the outcomes the JMM allows for a racy read of a long");
    }

    /**
     * Store buffering (Dekker's test).
     *
     * <pre>
     * int x, y;               // x volatile if xVolatile, y volatile if yVolatile
     * thread 1:  x = a;  r1 = y;
     * thread 2:  y = b;  r2 = x;
     * </pre>
     *
     * {@code a} and {@code b} are non-zero. Possible outcomes: {@code "r1=0, r2=0"},
     * {@code "r1=0, r2=<a>"}, {@code "r1=<b>, r2=0"}, {@code "r1=<b>, r2=<a>"}.
     */
    public static Set<String> storeBuffering(int a, int b, boolean xVolatile, boolean yVolatile) {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.storeBuffering() — return the outcomes the JMM allows for store buffering");
    }

    /**
     * Message passing: thread 1 writes data, then a flag; thread 2 reads both, in the order
     * {@code flagFirst} says.
     *
     * <pre>
     * int data, flag;         // data volatile if dataVolatile, flag volatile if flagVolatile
     * thread 1:  data = d;  flag = f;
     * thread 2:  r1 = flag; r2 = data;      // if flagFirst
     *            r2 = data; r1 = flag;      // otherwise
     * </pre>
     *
     * {@code d} and {@code f} are non-zero. Possible outcomes: {@code "r1=0, r2=0"},
     * {@code "r1=0, r2=<d>"}, {@code "r1=<f>, r2=0"}, {@code "r1=<f>, r2=<d>"}.
     */
    public static Set<String> messagePassing(int d, int f, boolean dataVolatile, boolean flagVolatile,
                                             boolean flagFirst) {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.messagePassing() — return the outcomes the JMM allows for message passing");
    }
}
