package course.lesson06;

/**
 * A thread-safe reference count, the Java twin of the {@code ob_refcnt} field CPython keeps in
 * every object: {@link #retain()} adds a reference, {@link #release()} drops one, and an object
 * whose count reaches zero may be freed.
 *
 * <p>Each update is a read-modify-write that runs entirely while holding this counter's
 * intrinsic lock, so two updates can never interleave and none is lost. The race window hook
 * is called inside the lock: a thread paused there keeps every other updater waiting.
 *
 * <p>Sample usage:
 * <pre>{@code
 * RefCounter refs = new RefCounter(1);      // the creator's reference
 * refs.retain();                            // another thread takes a reference
 * if (refs.release() == 0) free(resource);  // the last release frees it
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread prior to {@code retain()} or
 * {@code release()} happen-before actions subsequent to any later {@code retain()},
 * {@code release()} or {@code count()} of the same counter in another thread.
 */
public class RefCounter {

    private long count;
    private final RaceWindow window;

    /**
     * @param initial the starting count (an object starts with one reference: its creator's)
     * @param window  called between the read and the write of every update, inside the lock
     */
    public RefCounter(long initial, RaceWindow window) {
        this.count = initial;
        this.window = window;
    }

    /** A counter without a race window hook. */
    public RefCounter(long initial) {
        this(initial, RaceWindow.NONE);
    }

    /** Adds a reference atomically; returns the new count. */
    public synchronized long retain() {
        long read = count;
        window.afterRead(read);
        long updated = read + 1;
        count = updated;
        return updated;
    }

    /** Drops a reference atomically; returns the new count (zero means the object may be freed). */
    public synchronized long release() {
        long read = count;
        window.afterRead(read);
        long updated = read - 1;
        count = updated;
        return updated;
    }

    /** The count as of the latest completed update. */
    public synchronized long count() {
        return count;
    }
}
