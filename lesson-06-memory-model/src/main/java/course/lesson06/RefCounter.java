package course.lesson06;

/**
 * Exercise 1 · Fix the lost update.
 *
 * <p>A reference count, the Java twin of the {@code ob_refcnt} field CPython keeps in every
 * object: {@link #retain()} adds a reference, {@link #release()} drops one, and an object whose
 * count reaches zero may be freed.
 *
 * <p><b>This class has a bug.</b> {@code retain()} and {@code release()} are read-modify-write
 * operations made of three steps (read the count, add or subtract one, write it back). Two
 * threads can interleave those steps, and then one of the two updates is lost. In CPython the
 * GIL prevents exactly this; in Java nothing does until you say so.
 *
 * <p>Make both operations atomic, so that no update is ever lost, and make {@link #count()}
 * return the latest count. Keep calling {@code window.afterRead(read)} between the read and the
 * write: the tests use that hook to pause a thread inside the read-modify-write and let another
 * thread run in the gap. Choose your tool: an intrinsic lock, or a compare-and-set loop.
 */
public class RefCounter {

    private long count;
    private final RaceWindow window;

    /**
     * @param initial the starting count (an object starts with one reference: its creator's)
     * @param window  called between the read and the write of every update
     */
    public RefCounter(long initial, RaceWindow window) {
        this.count = initial;
        this.window = window;
    }

    /** A counter without a race window hook. */
    public RefCounter(long initial) {
        this(initial, RaceWindow.NONE);
    }

    /** Adds a reference; returns the new count. */
    public long retain() {
        long read = count;
        window.afterRead(read);
        long updated = read + 1;
        count = updated;
        return updated;
    }

    /** Drops a reference; returns the new count (zero means the object may be freed). */
    public long release() {
        long read = count;
        window.afterRead(read);
        long updated = read - 1;
        count = updated;
        return updated;
    }

    /** The current count. */
    public long count() {
        return count;
    }
}
