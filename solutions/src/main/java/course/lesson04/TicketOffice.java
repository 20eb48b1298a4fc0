package course.lesson04;

/**
 * A box office that sells the seats of one show to any number of concurrent buyers, each seat
 * exactly once.
 *
 * <p>{@link #tryBuy()} reads the count of free seats, checks it and writes it back as one atomic
 * step: the office's intrinsic lock ({@code synchronized}) makes that read-check-write exclusive,
 * so two buyers can never both see the last seat (check-then-act) and no sale can overwrite
 * another (read-modify-write).
 *
 * <p><b>Sample usage:</b>
 * <pre>{@code
 * TicketOffice office = new TicketOffice(100);
 * try (var pool = Executors.newFixedThreadPool(8)) {
 *     for (int i = 0; i < 1_000; i++) {
 *         pool.submit(office::tryBuy);
 *     }
 * }
 * assert office.sold() == 100 && office.available() == 0;
 * }</pre>
 *
 * <p>Memory consistency effects: a successful {@code tryBuy()} in one thread happens-before every
 * later {@code tryBuy()}, {@code available()} and {@code sold()} in any thread, because all of them
 * synchronize on the same monitor.
 */
public class TicketOffice {
    private final Runnable betweenReadAndWrite;
    private int available; // guarded by this
    private int sold;      // guarded by this

    /** An office with {@code seats} free seats. */
    public TicketOffice(int seats) {
        this(seats, () -> { });
    }

    /**
     * An office with {@code seats} free seats that runs {@code betweenReadAndWrite} inside every
     * sale, after reading the count of free seats and before writing it back (a test hook). The
     * hook runs while the office's lock is held.
     */
    public TicketOffice(int seats, Runnable betweenReadAndWrite) {
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative: " + seats);
        }
        this.available = seats;
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    /** Sells one seat if one is left: {@code true} if the caller got a ticket. */
    public synchronized boolean tryBuy() {
        int left = available;
        if (left == 0) {
            return false;
        }
        betweenReadAndWrite.run();
        available = left - 1;
        sold++;
        return true;
    }

    /** Seats still free. */
    public synchronized int available() {
        return available;
    }

    /** Tickets sold so far. */
    public synchronized int sold() {
        return sold;
    }
}
