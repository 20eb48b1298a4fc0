package course.lesson04;

/**
 * Exercise 1 · A box office that sells the seats of one show. <b>It has a race condition: fix it.</b>
 *
 * <p>{@link #tryBuy()} reads how many seats are left, checks that one is free, and writes the new
 * count back. Two buyers who run it at the same time can both read the same count: both see
 * "1 seat left" and both get a ticket for it (<i>check-then-act</i>), or both read 5, both write 4,
 * and one sale vanishes from the count (<i>read-modify-write</i>, a lost update).
 *
 * <p>Make the read, the check and the write one step that no other buyer can interleave with.
 * Keep calling the {@code betweenReadAndWrite} hook exactly where it is now, between reading and
 * writing: the tests use it to pause one buyer in the dangerous window and send a second buyer in.
 * With your fix the second buyer must not get into that window until the first one has left it.
 * {@link #available()} and {@link #sold()} must show the latest sales to any thread.
 */
public class TicketOffice {
    private final Runnable betweenReadAndWrite;
    private int available;
    private int sold;

    /** An office with {@code seats} free seats. */
    public TicketOffice(int seats) {
        this(seats, () -> { });
    }

    /**
     * An office with {@code seats} free seats that runs {@code betweenReadAndWrite} inside every
     * sale, after reading the count of free seats and before writing it back (a test hook).
     */
    public TicketOffice(int seats, Runnable betweenReadAndWrite) {
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative: " + seats);
        }
        this.available = seats;
        this.betweenReadAndWrite = betweenReadAndWrite;
    }

    /** Sells one seat if one is left: {@code true} if the caller got a ticket. */
    public boolean tryBuy() {
        int left = available;          // read
        if (left == 0) {               // check
            return false;
        }
        betweenReadAndWrite.run();     // the dangerous window
        available = left - 1;          // write: act on what we read
        sold++;
        return true;
    }

    /** Seats still free. */
    public int available() {
        return available;
    }

    /** Tickets sold so far. */
    public int sold() {
        return sold;
    }
}
