package course.lesson03;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The root handle a test gives to {@code killTree}: the real process, except that destroying it
 * returns only once the process is really gone. Its children are then re-parented at once, so
 * code that destroys the root <em>before</em> collecting its descendants finds none, every time,
 * instead of only when the kill happens to be quick.
 */
final class DiesAtOnce implements ProcessHandle {
    private final ProcessHandle real;

    DiesAtOnce(ProcessHandle real) {
        this.real = real;
    }

    private boolean dead(boolean requested) {
        try {
            real.onExit().get(course.grading.Delays.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // still alive after the ceiling: the caller will see it alive
        }
        return requested;
    }

    @Override public long pid() { return real.pid(); }
    @Override public Optional<ProcessHandle> parent() { return real.parent(); }
    @Override public Stream<ProcessHandle> children() { return real.children(); }
    @Override public Stream<ProcessHandle> descendants() { return real.descendants(); }
    @Override public Info info() { return real.info(); }
    @Override public CompletableFuture<ProcessHandle> onExit() { return real.onExit(); }
    @Override public boolean supportsNormalTermination() { return real.supportsNormalTermination(); }
    @Override public boolean destroy() { return dead(real.destroy()); }
    @Override public boolean destroyForcibly() { return dead(real.destroyForcibly()); }
    @Override public boolean isAlive() { return real.isAlive(); }
    @Override public int compareTo(ProcessHandle other) { return Long.compare(pid(), other.pid()); }
    @Override public int hashCode() { return Long.hashCode(pid()); }
    @Override public boolean equals(Object o) { return o instanceof ProcessHandle h && h.pid() == pid(); }
    @Override public String toString() { return real.toString(); }
}
