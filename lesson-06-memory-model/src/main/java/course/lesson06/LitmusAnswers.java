package course.lesson06;

import java.util.Set;

/**
 * Exercise 5 · Litmus tests: what may a two-thread program print under the Java Memory Model?
 *
 * <p>Each method below describes a tiny program in the style of the jcstress samples. All fields
 * start at zero ({@code false}, {@code 0L}); thread 1 and thread 2 run once, at the same time; the
 * outcome is read after both threads have been joined. For every program, return the set of
 * outcomes the JMM <em>allows</em> (an outcome that the JMM allows is one a conforming JVM may
 * produce on some hardware, even if your laptop never shows it).
 *
 * <p>Write each outcome exactly as it appears in the list of possible outcomes, for example
 * {@code return Set.of("r1=0, r2=1", "r1=1, r2=1");}. The tests check every answer and explain
 * each outcome you got wrong.
 */
public final class LitmusAnswers {

    private LitmusAnswers() {
    }

    /**
     * Racy increment.
     *
     * <pre>
     * int x;                  // plain field
     * thread 1:  x++;
     * thread 2:  x++;
     * outcome:   x (read after both joined)
     * </pre>
     *
     * Possible outcomes: {@code "x=0"}, {@code "x=1"}, {@code "x=2"}.
     */
    public static Set<String> racyIncrement() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.racyIncrement() — return the outcomes the JMM allows for x++ on two threads");
    }

    /**
     * Word tearing of a plain {@code long}.
     *
     * <pre>
     * long v;                 // plain field (not volatile)
     * thread 1:  v = -1L;     // all 64 bits set: 0xFFFFFFFF_FFFFFFFF
     * thread 2:  r1 = v;
     * </pre>
     *
     * Possible outcomes: {@code "r1=0"}, {@code "r1=-1"}, {@code "r1=4294967295"} (only the low 32
     * bits set), {@code "r1=-4294967296"} (only the high 32 bits set).
     */
    public static Set<String> plainLongTearing() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.plainLongTearing() — return the outcomes the JMM allows for a racy read of a plain long");
    }

    /**
     * Store buffering (Dekker's test) with plain fields.
     *
     * <pre>
     * int x, y;               // plain fields
     * thread 1:  x = 1;  r1 = y;
     * thread 2:  y = 1;  r2 = x;
     * </pre>
     *
     * Possible outcomes: {@code "r1=0, r2=0"}, {@code "r1=0, r2=1"}, {@code "r1=1, r2=0"},
     * {@code "r1=1, r2=1"}.
     */
    public static Set<String> storeBufferingPlain() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.storeBufferingPlain() — return the outcomes the JMM allows for store buffering with plain fields");
    }

    /**
     * Store buffering (Dekker's test) with volatile fields.
     *
     * <pre>
     * volatile int x, y;
     * thread 1:  x = 1;  r1 = y;
     * thread 2:  y = 1;  r2 = x;
     * </pre>
     *
     * Possible outcomes: {@code "r1=0, r2=0"}, {@code "r1=0, r2=1"}, {@code "r1=1, r2=0"},
     * {@code "r1=1, r2=1"}.
     */
    public static Set<String> storeBufferingVolatile() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.storeBufferingVolatile() — return the outcomes the JMM allows for store buffering with volatile fields");
    }

    /**
     * Message passing with plain fields.
     *
     * <pre>
     * int data;  boolean ready;      // plain fields
     * thread 1:  data = 42;  ready = true;
     * thread 2:  r1 = ready; r2 = data;
     * </pre>
     *
     * Possible outcomes: {@code "r1=false, r2=0"}, {@code "r1=false, r2=42"},
     * {@code "r1=true, r2=0"}, {@code "r1=true, r2=42"}.
     */
    public static Set<String> messagePassingPlain() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.messagePassingPlain() — return the outcomes the JMM allows for message passing with plain fields");
    }

    /**
     * Message passing through a volatile flag.
     *
     * <pre>
     * int data;  volatile boolean ready;
     * thread 1:  data = 42;  ready = true;
     * thread 2:  r1 = ready; r2 = data;
     * </pre>
     *
     * Possible outcomes: {@code "r1=false, r2=0"}, {@code "r1=false, r2=42"},
     * {@code "r1=true, r2=0"}, {@code "r1=true, r2=42"}.
     */
    public static Set<String> messagePassingVolatile() {
        throw new UnsupportedOperationException(
                "not implemented yet: LitmusAnswers.messagePassingVolatile() — return the outcomes the JMM allows for message passing through a volatile flag");
    }
}
