package course.lesson06;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import course.grading.Points;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jcstress-style litmus tests answered on paper: every possible outcome of each program is listed
 * with whether the Java Memory Model allows it, and why.
 */
@DisplayName("Exercise 5 · Litmus tests: which outcomes does the JMM allow?")
class LitmusAnswersTest {

    /** One possible outcome of a litmus program. */
    private record Outcome(String text, boolean allowed, String why) {
    }

    private static Outcome allowed(String text, String why) {
        return new Outcome(text, true, why);
    }

    private static Outcome forbidden(String text, String why) {
        return new Outcome(text, false, why);
    }

    private record Litmus(Supplier<Set<String>> answer, List<Outcome> outcomes) {
    }

    static Stream<Arguments> litmusTests() {
        return Stream.of(
                arguments(named("racy x++ on a plain int (racyIncrement)", new Litmus(LitmusAnswers::racyIncrement, List.of(
                        forbidden("x=0", "each thread writes the value it read plus one, so every write is at least 1, "
                                + "and the joins make both writes visible to the final read: the initial 0 is "
                                + "overwritten and can no longer be seen"),
                        allowed("x=1", "the lost update: both threads read 0 before either wrote, both wrote 1. x++ is "
                                + "read, add, write: three steps, not one atomic action"),
                        allowed("x=2", "the threads happened not to overlap: one read the other's write"))))),
                arguments(named("racy read of a plain long (plainLongTearing)", new Litmus(LitmusAnswers::plainLongTearing, List.of(
                        allowed("r1=0", "the read ran before the write"),
                        allowed("r1=-1", "the read ran after the write"),
                        allowed("r1=4294967295", "word tearing: JLS 17.7 lets a JVM write a non-volatile long or "
                                + "double as two separate 32-bit halves, so a racy read may see the low half "
                                + "written and the high half not yet (64-bit HotSpot does not, but the JMM allows "
                                + "it; volatile long/double are always atomic)"),
                        allowed("r1=-4294967296", "word tearing the other way round: the high half written, the low "
                                + "half not yet (JLS 17.7; make the field volatile to forbid it)"))))),
                arguments(named("store buffering with plain fields (storeBufferingPlain)", new Litmus(LitmusAnswers::storeBufferingPlain, List.of(
                        allowed("r1=0, r2=0", "each CPU may park its write in its store buffer and read the other "
                                + "variable from memory before either write drains; the compiler may also move a read "
                                + "before an unrelated plain write. Seen on real x86 machines"),
                        allowed("r1=0, r2=1", "thread 1 ran entirely before thread 2"),
                        allowed("r1=1, r2=0", "thread 2 ran entirely before thread 1"),
                        allowed("r1=1, r2=1", "the writes of both threads happened before both reads"))))),
                arguments(named("store buffering with volatile fields (storeBufferingVolatile)", new Litmus(LitmusAnswers::storeBufferingVolatile, List.of(
                        forbidden("r1=0, r2=0", "volatile accesses are synchronization actions: they form one total "
                                + "order consistent with each thread's program order, and each volatile read sees "
                                + "the last write before it in that order. Whichever write is first in that order "
                                + "comes before the other thread's read, so at least one read sees 1 (this is "
                                + "sequential consistency for data-race-free programs)"),
                        allowed("r1=0, r2=1", "thread 1 ran entirely before thread 2"),
                        allowed("r1=1, r2=0", "thread 2 ran entirely before thread 1"),
                        allowed("r1=1, r2=1", "both writes came before both reads in the synchronization order"))))),
                arguments(named("message passing with plain fields (messagePassingPlain)", new Litmus(LitmusAnswers::messagePassingPlain, List.of(
                        allowed("r1=false, r2=0", "thread 2 read before thread 1 wrote anything"),
                        allowed("r1=false, r2=42", "thread 2 read ready too early but data after it was written: "
                                + "also possible with volatile"),
                        allowed("r1=true, r2=0", "nothing orders the two plain writes for another thread: the "
                                + "compiler or the CPU may make ready = true visible before data = 42 (or move "
                                + "thread 2's reads), so thread 2 sees the flag but stale data. This is why a "
                                + "non-volatile 'ready' flag is broken"),
                        allowed("r1=true, r2=42", "the intended outcome: data then flag, both seen"))))),
                arguments(named("message passing through a volatile flag (messagePassingVolatile)", new Litmus(LitmusAnswers::messagePassingVolatile, List.of(
                        allowed("r1=false, r2=0", "thread 2 read before thread 1 wrote anything"),
                        allowed("r1=false, r2=42", "thread 2 read the flag before it was set, then data after it "
                                + "was written; a volatile flag does not stop this (it only orders what comes "
                                + "after a read that SEES the write)"),
                        forbidden("r1=true, r2=0", "data = 42 comes before the volatile write of ready in program "
                                + "order; that write happens-before the volatile read that sees true, which comes "
                                + "before the read of data. Happens-before is transitive, so that read must see 42"),
                        allowed("r1=true, r2=42", "the intended outcome: the volatile flag publishes data"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("litmusTests")
    @Points(12)
    @DisplayName("declares exactly the outcomes the Java Memory Model allows")
    void declaresTheAllowedOutcomes(Litmus litmus) {
        Set<String> answer = litmus.answer().get();
        if (answer == null) {
            fail("returned null: return a Set of outcome strings, e.g. Set.of(\"r1=0, r2=1\")");
        }
        Map<String, Outcome> byKey = new LinkedHashMap<>();
        for (Outcome outcome : litmus.outcomes()) {
            byKey.put(normalise(outcome.text()), outcome);
        }
        List<String> unknown = answer.stream()
                .filter(a -> a == null || !byKey.containsKey(normalise(a)))
                .map(a -> "'" + a + "'")
                .toList();
        if (!unknown.isEmpty()) {
            fail("%s %s not among the possible outcomes of this program; write outcomes exactly as listed: %s",
                    String.join(", ", unknown), unknown.size() == 1 ? "is" : "are",
                    litmus.outcomes().stream().map(o -> "\"" + o.text() + "\"").collect(Collectors.joining(", ")));
        }
        Set<String> declared = answer.stream().map(LitmusAnswersTest::normalise).collect(Collectors.toCollection(TreeSet::new));

        List<String> mistakes = new ArrayList<>();
        for (Outcome outcome : litmus.outcomes()) {
            boolean said = declared.contains(normalise(outcome.text()));
            if (said && !outcome.allowed()) {
                mistakes.add("you allowed \"" + outcome.text() + "\", but the JMM forbids it: " + outcome.why() + ".");
            } else if (!said && outcome.allowed()) {
                mistakes.add("you left out \"" + outcome.text() + "\", but the JMM allows it: " + outcome.why() + ".");
            }
        }
        if (!mistakes.isEmpty()) {
            fail(String.join("\n", mistakes));
        }
    }

    private static String normalise(String outcome) {
        return outcome == null ? "" : outcome.replaceAll("\\s+", "");
    }
}
