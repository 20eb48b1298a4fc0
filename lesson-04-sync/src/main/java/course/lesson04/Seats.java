package course.lesson04;

/**
 * The count of free seats of one show, kept outside the box office: think of one row in a database
 * that every till reads and writes. Support code for exercise 1: you use it, you do not edit it.
 *
 * <p>{@link #free()} and {@link #setFree(int)} are each a single step, and nothing more: no call
 * makes "read, then write" atomic. A {@link TicketOffice} that reads the count, decides and writes
 * it back must make sure no other sale runs between its read and its write. (The tests pass in
 * their own {@code Seats} that stops a buyer inside that window and sends a second buyer in.)
 */
public interface Seats {
    /** The number of free seats right now. */
    int free();

    /** Stores a new number of free seats. */
    void setFree(int seats);

    /**
     * Seats in memory, starting at {@code seats}: a plain field, no lock, no {@code volatile}.
     * Whoever reads and writes it must provide the synchronisation.
     */
    static Seats of(int seats) {
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative: " + seats);
        }
        return new Seats() {
            private int free = seats;

            @Override
            public int free() {
                return free;
            }

            @Override
            public void setFree(int newCount) {
                free = newCount;
            }
        };
    }
}
