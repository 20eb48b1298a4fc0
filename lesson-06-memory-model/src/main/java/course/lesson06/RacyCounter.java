package course.lesson06;

/**
 * The broken baseline: a plain field changed with {@code ++} and {@code --}, no lock, no atomic.
 *
 * <p>Each {@code value++} is three steps (read, add, write); two threads interleave them and
 * updates are lost. Nothing makes one thread's writes visible to another either. This class is
 * support code for the demos: it shows what goes wrong. Do not copy it into a solution.
 */
public class RacyCounter implements Counter {

    private long value;

    @Override
    public void increment() {
        value++;
    }

    @Override
    public void decrement() {
        value--;
    }

    @Override
    public long get() {
        return value;
    }
}
