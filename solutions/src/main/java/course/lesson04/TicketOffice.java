package course.lesson04;

/**
 * A box office that sells the seats of one show to any number of concurrent buyers, each seat
 * exactly once.
 *
 * <p>{@link #tryBuy()} reads the count of free seats from its {@link Seats}, checks it and writes
 * it back as one atomic step: the office's intrinsic lock ({@code synchronized}) is held from the
 * read to the write, so two buyers can never both see the last seat (check-then-act) and no sale
 * can overwrite another (read-modify-write). Every sale goes through this one office, so its lock
 * is the only one needed.
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
    private final Seats seats; // read and written only while holding this
    private int sold;          // guarded by this

    /** An office with {@code seats} free seats, kept in memory. */
    public TicketOffice(int seats) {
        this(Seats.of(seats));
    }

    /** An office that sells the free seats counted by {@code seats}. */
    public TicketOffice(Seats seats) {
        this.seats = seats;
    }

    /** Sells one seat if one is left: {@code true} if the caller got a ticket. */
    public synchronized boolean tryBuy() {
        int left = seats.free();
        if (left == 0) {
            return false;
        }
        seats.setFree(left - 1);
        sold++;
        return true;
    }

    /** Seats still free. */
    public synchronized int available() {
        return seats.free();
    }

    /** Tickets this office has sold so far. */
    public synchronized int sold() {
        return sold;
    }
}
