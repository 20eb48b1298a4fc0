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
 * <p>Why, in one line each (the tests explain every outcome in full):
 * <ul>
 *   <li>racy {@code x++}: {@code x=1} is the lost update; {@code x=0} is impossible because the
 *       joins make both writes (each at least 1) visible.</li>
 *   <li>plain {@code long}: JLS 17.7 lets a non-volatile 64-bit write be split in two 32-bit
 *       halves, so a racy read may see half of it.</li>
 *   <li>store buffering: plain fields allow {@code r1=0, r2=0} (each write may still sit in a
 *       store buffer, or the compiler may reorder it after the read); volatile accesses form one
 *       total order consistent with program order, so one write comes first and is seen.</li>
 *   <li>message passing: plain fields allow {@code r1=true, r2=0} (the two writes may become
 *       visible in the other order); with a volatile {@code ready}, the volatile write
 *       happens-before the read that sees it, and so does {@code data = 42}.</li>
 * </ul>
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
        return Set.of("x=1", "x=2");
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
        return Set.of("r1=0", "r1=-1", "r1=4294967295", "r1=-4294967296");
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
        return Set.of("r1=0, r2=0", "r1=0, r2=1", "r1=1, r2=0", "r1=1, r2=1");
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
        return Set.of("r1=0, r2=1", "r1=1, r2=0", "r1=1, r2=1");
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
        return Set.of("r1=false, r2=0", "r1=false, r2=42", "r1=true, r2=0", "r1=true, r2=42");
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
        return Set.of("r1=false, r2=0", "r1=false, r2=42", "r1=true, r2=42");
    }
}
