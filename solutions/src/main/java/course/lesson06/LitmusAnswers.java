package course.lesson06;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Exercise 5 · Litmus tests: what may a two-thread program print under the Java Memory Model?
 *
 * <p>Each method answers a family of jcstress-style programs: the parameters say which values are
 * written and which fields are {@code volatile}, and the method returns the outcomes the JMM
 * allows. The reasoning, one rule each:
 * <ul>
 *   <li>racy {@code x++}: read, add, write; two increments may both read {@code initial} (the lost
 *       update), and {@code volatile} does not make the three steps one. Both threads write at
 *       least {@code initial + 1} and the joins make their writes visible, so {@code initial} is
 *       never seen again.</li>
 *   <li>{@code long}: JLS 17.7 lets a non-volatile 64-bit write be split in two 32-bit halves, so a
 *       racy read may see either half alone; volatile {@code long}s are always atomic.</li>
 *   <li>store buffering: {@code r1=0, r2=0} needs both reads to come before both writes; only when
 *       both fields are volatile do all four accesses sit in one total order consistent with
 *       program order, which forbids it. With a plain field on either side, the read of one
 *       thread may pass its plain write (or its volatile write, when the read is plain).</li>
 *   <li>message passing: seeing the flag but stale data is forbidden exactly when the flag is
 *       volatile and read first: the volatile write of the flag happens-before the read that sees
 *       it, and {@code data = d} comes before it in thread 1, the read of data after it in thread
 *       2. A volatile {@code data} alone does not help; reading data first needs no reordering.</li>
 * </ul>
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
        return Set.of(outcome("x", initial + 1L), outcome("x", initial + 2L));
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
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(outcome("r1", 0));
        allowed.add(outcome("r1", written));
        if (!vVolatile) {                                   // JLS 17.7: two 32-bit halves
            allowed.add(outcome("r1", written & 0xFFFFFFFFL));
            allowed.add(outcome("r1", written & 0xFFFFFFFF00000000L));
        }
        return allowed;
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
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(outcome(0, a));                         // thread 1 first
        allowed.add(outcome(b, 0));                         // thread 2 first
        allowed.add(outcome(b, a));                         // both writes before both reads
        if (!(xVolatile && yVolatile)) {
            allowed.add(outcome(0, 0));                     // a read passes its thread's write
        }
        return allowed;
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
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(outcome(0, 0));
        allowed.add(outcome(0, d));
        allowed.add(outcome(f, d));
        if (!(flagVolatile && flagFirst)) {
            allowed.add(outcome(f, 0));                     // flag seen, data stale
        }
        return allowed;
    }
}
