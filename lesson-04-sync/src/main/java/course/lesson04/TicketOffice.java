package course.lesson04;

/**
 * Exercise 1 · A box office that sells the seats of one show. <b>It has a race condition: fix it.</b>
 *
 * <p>{@link #tryBuy()} reads how many seats are free from its {@link Seats}, checks that one is
 * left, and writes the new count back. Two buyers who run it at the same time can both read the same
 * count: both see "1 seat left" and both get a ticket for it (<i>check-then-act</i>), or both read
 * 5, both write 4, and one sale vanishes from the count (<i>read-modify-write</i>, a lost update).
 *
 * <p>Make the read, the check and the write one step that no other sale can interleave with:
 * while one buyer is between its {@code free()} and its {@code setFree(…)}, a second buyer must
 * wait. Keep reading and writing the count through the {@link Seats} in every sale (it is the one
 * place the count lives; the tests pass in their own {@code Seats} and stop a buyer between its
 * read and its write). {@link #available()} and {@link #sold()} must show the latest sales to any
 * thread.
 */
public class TicketOffice {
    private final Seats seats;
    private int sold;

    /** An office with {@code seats} free seats, kept in memory. */
    public TicketOffice(int seats) {
        this(Seats.of(seats));
    }

    /** An office that sells the free seats counted by {@code seats}. */
    public TicketOffice(Seats seats) {
        this.seats = seats;
    }

    /** Sells one seat if one is left: {@code true} if the caller got a ticket. */
    public boolean tryBuy() {
        int left = seats.free();       // read
        if (left == 0) {               // check
            return false;
        }
        seats.setFree(left - 1);       // write: act on what we read
        sold++;
        return true;
    }

    /** Seats still free. */
    public int available() {
        return seats.free();
    }

    /** Tickets this office has sold so far. */
    public int sold() {
        return sold;
    }
}
