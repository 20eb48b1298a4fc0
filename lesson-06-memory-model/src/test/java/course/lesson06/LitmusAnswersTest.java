package course.lesson06;

import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Litmus tests whose programs change on every run: the values written are random, and every
 * combination of volatile fields (and, for message passing, of read orders) is asked. The expected
 * outcomes are not written down anywhere: {@link Jmm} computes them by running the program in a
 * small model of the memory model (each thread may reorder accesses the JMM lets it reorder, then
 * every interleaving runs on one memory), and keeps one execution per outcome to show the student.
 */
@DisplayName("Exercise 5 · Litmus tests: which outcomes does the JMM allow?")
class LitmusAnswersTest {

    private static int randomValue() {
        return ThreadLocalRandom.current().nextInt(2, 1000);
    }

    private static String kind(boolean isVolatile) {
        return isVolatile ? "volatile" : "plain";
    }

    @Test
    @Points(2)
    @DisplayName("racy x++ on two threads, plain and volatile, from a random start value")
    void racyIncrement() {
        List<String> mistakes = new ArrayList<>();
        for (boolean vol : new boolean[] {false, true}) {
            int initial = ThreadLocalRandom.current().nextInt(0, 1000);
            Jmm.Program p = new Jmm.Program(
                    "racy increment: " + kind(vol) + " int x = " + initial + "; thread 1: x++; thread 2: x++; outcome x",
                    List.of(Jmm.inc("x", vol)), List.of(Jmm.inc("x", vol)),
                    Map.of("x", (long) initial), List.of("x"), true);
            check(p, () -> LitmusAnswers.racyIncrement(initial, vol),
                    o -> "each thread writes the value it read plus one, so every write is at least " + (initial + 1)
                            + ", and the joins make both writes visible to the final read: the start value "
                            + initial + " is overwritten and can no longer be seen"
                            + (vol ? " (volatile changes nothing here: x++ is still read, add, write)" : ""),
                    mistakes);
        }
        report(mistakes);
    }

    @Test
    @Points(2)
    @DisplayName("a racy read of a long, plain and volatile, with a random value written")
    void longTearing() {
        List<String> mistakes = new ArrayList<>();
        for (boolean vol : new boolean[] {false, true}) {
            long high = ThreadLocalRandom.current().nextLong(1, 1L << 31);
            long low = ThreadLocalRandom.current().nextLong(1, 1L << 32);
            long written = (high << 32) | low;
            Jmm.Program p = new Jmm.Program(
                    "long tearing: " + kind(vol) + " long v; thread 1: v = " + written + "L; thread 2: r1 = v",
                    List.of(Jmm.writeLong("v", written, vol)), List.of(Jmm.readLong("r1", "v")),
                    Map.of(), List.of("r1"), false);
            check(p, () -> LitmusAnswers.longTearing(written, vol),
                    o -> "volatile long and double reads and writes are always atomic (JLS 17.7): a reader sees "
                            + "the whole old value or the whole new one, never half of each",
                    mistakes);
        }
        report(mistakes);
    }

    @Test
    @Points(4)
    @DisplayName("store buffering, for every combination of volatile fields, with random values")
    void storeBuffering() {
        List<String> mistakes = new ArrayList<>();
        for (boolean xv : new boolean[] {false, true}) {
            for (boolean yv : new boolean[] {false, true}) {
                int a = randomValue();
                int b = randomValue();
                Jmm.Program p = new Jmm.Program(
                        "store buffering: " + kind(xv) + " int x, " + kind(yv) + " int y; thread 1: x = " + a
                                + "; r1 = y; thread 2: y = " + b + "; r2 = x",
                        List.of(Jmm.write("x", a, xv), Jmm.readInto("r1", "y", yv)),
                        List.of(Jmm.write("y", b, yv), Jmm.readInto("r2", "x", xv)),
                        Map.of(), List.of("r1", "r2"), false);
                check(p, () -> LitmusAnswers.storeBuffering(a, b, xv, yv),
                        o -> "both fields are volatile, so all four accesses are synchronization actions: they form "
                                + "one total order consistent with each thread's program order, and each volatile read "
                                + "sees the last write before it in that order. Whichever write comes first in it comes "
                                + "before the other thread's read, so at least one read sees a non-zero value",
                        mistakes);
            }
        }
        report(mistakes);
    }

    @Test
    @Points(4)
    @DisplayName("message passing, for every combination of volatile fields and read orders, with random values")
    void messagePassing() {
        List<String> mistakes = new ArrayList<>();
        for (boolean dv : new boolean[] {false, true}) {
            for (boolean fv : new boolean[] {false, true}) {
                for (boolean flagFirst : new boolean[] {true, false}) {
                    int d = randomValue();
                    int f = randomValue();
                    List<Jmm.Op> reader = flagFirst
                            ? List.of(Jmm.readInto("r1", "flag", fv), Jmm.readInto("r2", "data", dv))
                            : List.of(Jmm.readInto("r2", "data", dv), Jmm.readInto("r1", "flag", fv));
                    Jmm.Program p = new Jmm.Program(
                            "message passing: " + kind(dv) + " int data, " + kind(fv) + " int flag; thread 1: data = "
                                    + d + "; flag = " + f + "; thread 2: "
                                    + (flagFirst ? "r1 = flag; r2 = data" : "r2 = data; r1 = flag"),
                            List.of(Jmm.write("data", d, dv), Jmm.write("flag", f, fv)), reader,
                            Map.of(), List.of("r1", "r2"), false);
                    check(p, () -> LitmusAnswers.messagePassing(d, f, dv, fv, flagFirst),
                            o -> "the flag is volatile and read first: the volatile write flag = " + f
                                    + " happens-before the read that sees it; data = " + d + " comes before that write "
                                    + "in thread 1 and the read of data after that read in thread 2, so by "
                                    + "transitivity the read of data must see " + d,
                            mistakes);
                }
            }
        }
        report(mistakes);
    }

    /** Compares the student's answer for one program with what the model allows. */
    private static void check(Jmm.Program program, Supplier<Set<String>> answer,
                              java.util.function.Function<String, String> whyForbidden, List<String> mistakes) {
        Map<String, String> allowed = Jmm.allowedOutcomes(program);        // outcome -> one execution
        Set<String> possible = program.possibleOutcomes();
        Set<String> given = answer.get();
        if (given == null) {
            mistakes.add(program.title() + ": returned null; return a Set of outcomes, e.g. Set.of(\"r1=0, r2=1\")");
            return;
        }
        Set<String> declared = given.stream().map(LitmusAnswersTest::normalise).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(declared);
        unknown.removeAll(possible.stream().map(LitmusAnswersTest::normalise).collect(Collectors.toSet()));
        List<String> wrong = new ArrayList<>();
        for (String u : unknown) {
            wrong.add("\"" + u + "\" is not a possible outcome of this program (possible: " + possible
                    + "): did you hard-code the values of an example? Use the parameters");
        }
        for (String o : possible) {
            boolean said = declared.contains(normalise(o));
            boolean ok = allowed.containsKey(o);
            if (said && !ok) {
                wrong.add("you allowed \"" + o + "\", but the JMM forbids it: " + whyForbidden.apply(o));
            } else if (!said && ok) {
                wrong.add("you left out \"" + o + "\", but the JMM allows it; one execution that gives it: " + allowed.get(o));
            }
        }
        if (!wrong.isEmpty()) {
            mistakes.add(program.title() + "\n    " + String.join("\n    ", wrong));
        }
    }

    private static void report(List<String> mistakes) {
        if (!mistakes.isEmpty()) {
            fail(String.join("\n", mistakes));
        }
    }

    private static String normalise(String outcome) {
        return outcome == null ? "" : outcome.replaceAll("\\s+", "");
    }

    /**
     * A small model of the JMM for straight-line two-thread programs: each thread may run its
     * accesses in any order the JMM permits (accesses to different variables may be reordered,
     * except that nothing moves before a volatile read, nothing moves after a volatile write, and a
     * volatile write stays before a later volatile read); then every interleaving of the two
     * threads runs on one shared memory. For the litmus shapes of this exercise this gives exactly
     * the outcomes the JMM allows.
     */
    static final class Jmm {

        /** One memory access; a write of a plain long is two accesses, one per 32-bit half. */
        record Op(String text, String var, boolean write, boolean isVolatile, Long value, String register,
                  String dependsOn, String slot) {
        }

        record Program(String title, List<Op> thread1, List<Op> thread2, Map<String, Long> initial,
                       List<String> registers, boolean singleRegisterNamedX) {

            /** Every outcome the program could print if anything were allowed (the list in the Javadoc). */
            Set<String> possibleOutcomes() {
                return allOutcomes(this);
            }
        }

        static Op write(String var, long value, boolean vol) {
            return new Op(var + " = " + value, var, true, vol, value, null, null, null);
        }

        static Op readInto(String register, String var, boolean vol) {
            return new Op(register + " = " + var, var, false, vol, null, register, null, null);
        }

        /** x++ as two accesses: tmp = x; x = tmp + 1. */
        static Op inc(String var, boolean vol) {
            return new Op(var + "++", var, true, vol, null, null, "inc", null);
        }

        static Op writeLong(String var, long value, boolean vol) {
            return new Op(var + " = " + value + "L", var, true, vol, value, null, null, vol ? null : "split");
        }

        static Op readLong(String register, String var) {
            return new Op(register + " = " + var, var, false, false, null, register, null, "long");
        }

        /** A primitive step of a thread after splitting: reads, writes, halves. */
        private record Step(int thread, String text, String var, boolean write, boolean isVolatile, String kind,
                            Long value, String register, int index) {
        }

        private static List<Step> steps(int thread, List<Op> ops) {
            List<Step> steps = new ArrayList<>();
            for (Op op : ops) {
                if ("inc".equals(op.dependsOn())) {
                    steps.add(new Step(thread, "reads " + op.var(), op.var(), false, op.isVolatile(), "incRead", null,
                            "tmp" + thread, steps.size()));
                    steps.add(new Step(thread, "writes " + op.var() + " = tmp + 1", op.var(), true, op.isVolatile(),
                            "incWrite", null, "tmp" + thread, steps.size()));
                } else if ("split".equals(op.slot())) {
                    steps.add(new Step(thread, "writes the high half of " + op.var(), op.var() + ".hi", true, false,
                            "hi", op.value(), null, steps.size()));
                    steps.add(new Step(thread, "writes the low half of " + op.var(), op.var() + ".lo", true, false,
                            "lo", op.value(), null, steps.size()));
                } else if (op.write() && op.value() != null && op.text().endsWith("L")) {
                    steps.add(new Step(thread, op.text() + " (atomically)", op.var(), true, op.isVolatile(), "long",
                            op.value(), null, steps.size()));
                } else if ("long".equals(op.slot())) {
                    steps.add(new Step(thread, op.text(), op.var(), false, false, "readLong", null, op.register(),
                            steps.size()));
                } else {
                    steps.add(new Step(thread, op.text(), op.var(), op.write(), op.isVolatile(), "plain", op.value(),
                            op.register(), steps.size()));
                }
            }
            return steps;
        }

        private static String base(String var) {
            int dot = var.indexOf('.');
            return dot < 0 ? var : var.substring(0, dot);
        }

        /** May {@code later} (in program order) run before {@code earlier}? */
        private static boolean mayPass(Step earlier, Step later) {
            if (base(earlier.var()).equals(base(later.var())) && !(earlier.kind().equals("hi") || earlier.kind().equals("lo"))) {
                return false;                                           // same variable: program order
            }
            if (earlier.kind().equals("hi") && later.kind().equals("lo")) {
                return true;                                            // the two halves of one plain write
            }
            if (base(earlier.var()).equals(base(later.var()))) {
                return false;
            }
            if (earlier.isVolatile() && !earlier.write()) {
                return false;                                           // nothing moves before a volatile read
            }
            if (later.isVolatile() && later.write()) {
                return false;                                           // nothing moves after a volatile write
            }
            return !(earlier.isVolatile() && earlier.write() && later.isVolatile() && !later.write());
        }

        private static List<List<Step>> orders(List<Step> steps) {
            List<List<Step>> result = new ArrayList<>();
            permute(steps, new ArrayList<>(), new boolean[steps.size()], result);
            return result;
        }

        private static void permute(List<Step> steps, List<Step> prefix, boolean[] used, List<List<Step>> out) {
            if (prefix.size() == steps.size()) {
                out.add(List.copyOf(prefix));
                return;
            }
            for (int i = 0; i < steps.size(); i++) {
                if (used[i]) {
                    continue;
                }
                boolean ok = true;
                for (int j = 0; j < i && ok; j++) {
                    if (!used[j] && !mayPass(steps.get(j), steps.get(i))) {
                        ok = false;                                     // an earlier step it may not pass is still to come
                    }
                }
                if (ok) {
                    used[i] = true;
                    prefix.add(steps.get(i));
                    permute(steps, prefix, used, out);
                    prefix.removeLast();
                    used[i] = false;
                }
            }
        }

        /** Every allowed outcome, with one execution that produces it. */
        static Map<String, String> allowedOutcomes(Program p) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (List<Step> o1 : orders(steps(1, p.thread1()))) {
                for (List<Step> o2 : orders(steps(2, p.thread2()))) {
                    interleave(p, o1, 0, o2, 0, new ArrayList<>(), outcomes);
                }
            }
            return outcomes;
        }

        /** Every outcome the program could print if anything were allowed (the list shown to students). */
        static Set<String> allOutcomes(Program p) {
            Set<String> all = new LinkedHashSet<>();
            List<Step> s1 = steps(1, p.thread1());
            List<Step> s2 = steps(2, p.thread2());
            if (p.singleRegisterNamedX()) {
                long init = p.initial().getOrDefault("x", 0L);
                for (long v = init; v <= init + 2; v++) {
                    all.add(LitmusAnswers.outcome("x", v));
                }
                return all;
            }
            if (p.registers().size() == 1) {
                long written = s1.getFirst().value();
                for (long v : new long[] {0, written, written & 0xFFFFFFFFL, written & 0xFFFFFFFF00000000L}) {
                    all.add(LitmusAnswers.outcome("r1", v));
                }
                return all;
            }
            Map<String, Long> written = new LinkedHashMap<>();
            for (Step s : s1) {
                if (s.write()) {
                    written.put(s.var(), s.value());
                }
            }
            for (Step s : s2) {
                if (s.write()) {
                    written.put(s.var(), s.value());
                }
            }
            List<Step> reads = new ArrayList<>();
            for (Step s : s1) {
                if (!s.write()) {
                    reads.add(s);
                }
            }
            for (Step s : s2) {
                if (!s.write()) {
                    reads.add(s);
                }
            }
            Map<String, String> regVar = new LinkedHashMap<>();
            for (Step r : reads) {
                regVar.put(r.register(), r.var());
            }
            for (long r1 : new long[] {0, written.get(regVar.get("r1"))}) {
                for (long r2 : new long[] {0, written.get(regVar.get("r2"))}) {
                    all.add(LitmusAnswers.outcome(r1, r2));
                }
            }
            return all;
        }

        private static void interleave(Program p, List<Step> a, int i, List<Step> b, int j, List<Step> trace,
                                       Map<String, String> outcomes) {
            if (i == a.size() && j == b.size()) {
                Map<String, Long> memory = new LinkedHashMap<>(p.initial());
                Map<String, Long> regs = new LinkedHashMap<>();
                List<String> story = new ArrayList<>();
                for (Step s : trace) {
                    story.add(describe(s, memory, regs, a, b));
                }
                String outcome = p.singleRegisterNamedX()
                        ? LitmusAnswers.outcome("x", memory.getOrDefault("x", 0L))
                        : p.registers().size() == 1
                                ? LitmusAnswers.outcome("r1", regs.get("r1"))
                                : LitmusAnswers.outcome(regs.get("r1"), regs.get("r2"));
                outcomes.putIfAbsent(outcome, String.join("; ", story));
                return;
            }
            if (i < a.size()) {
                trace.add(a.get(i));
                interleave(p, a, i + 1, b, j, trace, outcomes);
                trace.removeLast();
            }
            if (j < b.size()) {
                trace.add(b.get(j));
                interleave(p, a, i, b, j + 1, trace, outcomes);
                trace.removeLast();
            }
        }

        private static String describe(Step s, Map<String, Long> memory, Map<String, Long> regs, List<Step> order1,
                                       List<Step> order2) {
            List<Step> order = s.thread() == 1 ? order1 : order2;
            int pos = order.indexOf(s);
            boolean moved = false;
            for (int k = pos + 1; k < order.size(); k++) {
                if (order.get(k).index() < s.index()) {
                    moved = true;
                }
            }
            String text;
            switch (s.kind()) {
                case "incRead" -> {
                    long v = memory.getOrDefault(s.var(), 0L);
                    regs.put(s.register(), v);
                    text = "reads " + s.var() + " (" + v + ")";
                }
                case "incWrite" -> {
                    long v = regs.get(s.register()) + 1;
                    memory.put(s.var(), v);
                    text = "writes " + s.var() + " = " + v;
                }
                case "hi" -> {
                    memory.put(s.var(), s.value() & 0xFFFFFFFF00000000L);
                    text = s.text();
                }
                case "lo" -> {
                    memory.put(s.var(), s.value() & 0xFFFFFFFFL);
                    text = s.text();
                }
                case "long" -> {
                    memory.put(s.var() + ".hi", s.value() & 0xFFFFFFFF00000000L);
                    memory.put(s.var() + ".lo", s.value() & 0xFFFFFFFFL);
                    text = s.text();
                }
                case "readLong" -> {
                    long v = memory.getOrDefault(s.var() + ".hi", 0L) | memory.getOrDefault(s.var() + ".lo", 0L);
                    regs.put(s.register(), v);
                    text = s.register() + " = " + s.var() + " (" + v + ")";
                }
                default -> {
                    if (s.write()) {
                        memory.put(s.var(), s.value());
                        text = s.text();
                    } else {
                        long v = memory.getOrDefault(s.var(), 0L);
                        regs.put(s.register(), v);
                        text = s.text() + " (" + v + ")";
                    }
                }
            }
            return "thread " + s.thread() + " " + text + (moved ? " [moved ahead of an earlier access of its thread, "
                    + "which a plain access may do]" : "");
        }

        private Jmm() {
        }
    }
}
