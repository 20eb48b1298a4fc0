package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Background;
import course.grading.Interleaving;
import course.grading.Points;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Exercise 1 · A race condition at the box office")
class TicketOfficeTest {
    @RegisterExtension
    final Background.Group workers = new Background.Group();

    @Test
    @Points(3)
    @DisplayName("two buyers race for the last seat: exactly one of them gets it (check-then-act)")
    void onlyOneBuyerGetsTheLastSeat() throws Exception {
        WindowSeats seats = new WindowSeats(1);
        TicketOffice office = new TicketOffice(seats);

        boolean[] got = seats.race(workers, office);

        if (got[0] && got[1]) {
            fail("both buyers got the last seat: buyer-2 read '1 seat left' while buyer-1 was between its "
                    + "read and its write (check-then-act). %s", seats.diagnosis());
        }
        assertThat(got[0] || got[1]).withFailMessage("nobody got the last seat, but one buyer should have").isTrue();
        assertThat(office.available()).as("seats left after the last one was sold").isZero();
        assertThat(office.sold()).as("tickets sold for a show with 1 seat").isEqualTo(1);
    }

    @Test
    @Points(3)
    @DisplayName("two buyers at the same time: both sales are counted, none is lost (read-modify-write); a failed write leaves the office usable")
    void noSaleIsLost() throws Exception {
        WindowSeats seats = new WindowSeats(5);
        TicketOffice office = new TicketOffice(seats);

        boolean[] got = seats.race(workers, office);

        assertThat(got).as("both buyers of a show with 5 free seats get a ticket").containsExactly(true, true);
        assertThat(seats.free())
                .withFailMessage("lost update: 2 tickets were sold but the free seats went from 5 to %d, not 3. "
                        + "Both buyers read 5 and both wrote 4. %s", seats.free(), seats.diagnosis())
                .isEqualTo(3);
        assertThat(office.sold()).as("tickets sold").isEqualTo(2);

        // The write fails once (the database is down): the sale fails, and the office must not stay locked.
        IllegalStateException down = new IllegalStateException("seat database is down");
        seats.failNextWrite(down);
        Throwable thrown = workers.start("buyer-3", office::tryBuy).failure();
        assertThat(thrown).withFailMessage("when Seats.setFree throws %s, tryBuy must let it reach the caller; got %s",
                down, thrown).isSameAs(down);
        Background<Boolean> buyer4 = workers.start("buyer-4", office::tryBuy);
        Background.until(() -> buyer4.isDone() || (Background.isWaiting(buyer4.thread()) && Background.isIn(buyer4.thread(), TicketOffice.class)));
        if (!buyer4.isDone()) {
            fail("buyer-4 waits for ever in tryBuy (%s): buyer-3's tryBuy threw inside the critical section and "
                    + "never released the lock. Call unlock() in a finally block (or use synchronized).",
                    Background.where(buyer4.thread()));
        }
        assertThat(buyer4.result()).as("buyer-4 after the failed sale, with 3 seats free").isTrue();
        assertThat(office.available()).as("seats left: the failed sale took none, buyer-4 took one").isEqualTo(2);
        assertThat(office.sold()).as("tickets sold: the failed sale is not counted").isEqualTo(3);
    }

    @Test
    @Points(2)
    @DisplayName("two buyers let into each other's sale wherever the office lets go of a lock: no sale is lost (one lock from the read to the write)")
    void oneLockFromTheReadToTheWrite() throws Exception {
        StepSeats seats = new StepSeats(5);
        TicketOffice office = new TicketOffice(seats);

        // TicketOffice is rewritten for this race: wherever it releases a lock (and after each read
        // of the count and before each write) a buyer waits until the other buyer is there too, or
        // is blocked on a lock. A sale that holds one lock from the read to the write gives the
        // other buyer no way in; one that lets go in between lets it read the same count.
        boolean[] got;
        try (Interleaving steps = Interleaving.of(2, TicketOffice.class)) {
            seats.steps = steps;
            Background<Boolean> buyer1 = workers.start("buyer-1", () -> {
                steps.join();
                return office.tryBuy();
            });
            Background<Boolean> buyer2 = workers.start("buyer-2", () -> {
                steps.join();
                return office.tryBuy();
            });
            got = new boolean[] {buyer1.result(), buyer2.result()};
        } finally {
            seats.steps = null;
        }

        assertThat(got).as("both buyers of a show with 5 free seats get a ticket").containsExactly(true, true);
        if (seats.free() != 3) {
            fail("lost update: 2 tickets were sold but the free seats went from 5 to %d, not 3: both buyers read 5 "
                    + "before either wrote 4. %s", seats.free(), seats.unlockedAccess == null
                    ? "Each buyer held a lock while it read and while it wrote, but let go of it in between: "
                            + "locking the read and the write separately (lock; free(); unlock; lock; setFree(); "
                            + "unlock) lets the other sale in between. Hold one lock of the office from seats.free() "
                            + "to seats.setFree()."
                    : seats.unlockedAccess + " without holding any lock: hold one lock of the office from "
                            + "seats.free() to seats.setFree().");
        }
        assertThat(office.sold()).as("tickets sold").isEqualTo(2);
    }

    /** Seats in memory whose reads and writes are steps of the race: a pause after each read, before each write. */
    private static final class StepSeats implements Seats {
        private volatile int free;
        volatile Interleaving steps;
        volatile String unlockedAccess;

        StepSeats(int free) {
            this.free = free;
        }

        @Override
        public int free() {
            int seen = free;
            check("read the count");
            Interleaving.pause();
            return seen;
        }

        @Override
        public void setFree(int seats) {
            check("wrote the count");
            Interleaving.pause();
            free = seats;
        }

        private void check(String what) {
            Thread me = Thread.currentThread();
            if (steps != null && unlockedAccess == null && !Background.holdsAnyLock(me)) {
                unlockedAccess = me.getName() + " " + what;
            }
        }
    }

    /**
     * The seat count the office reads and writes. The first time buyer-1 writes, it is held there,
     * between its read and its write, until buyer-2 has either read the count too (the race happens)
     * or is blocked waiting for a lock (the fix works): the losing interleaving, forced every time
     * the code allows it, and the code cannot move it because the read and the write are these calls.
     */
    private static final class WindowSeats implements Seats {
        private volatile int free;
        private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        private final CountDownLatch firstInWindow = new CountDownLatch(1);
        private volatile Thread first;
        private volatile Thread second;
        private volatile boolean firstHeldALock;
        private volatile boolean secondReadWithoutLock;
        private volatile RuntimeException failNextWrite;

        WindowSeats(int free) {
            this.free = free;
        }

        @Override
        public int free() {
            Thread me = Thread.currentThread();
            if (me == second && firstInWindow.getCount() == 0 && !readers.contains(me)) {
                secondReadWithoutLock = !Background.holdsAnyLock(me);
            }
            readers.add(me);
            return free;
        }

        @Override
        public void setFree(int seats) {
            RuntimeException failure = failNextWrite;
            if (failure != null) {
                failNextWrite = null;
                throw failure;
            }
            Thread me = Thread.currentThread();
            if (me == first && firstInWindow.getCount() > 0) {
                firstHeldALock = Background.holdsAnyLock(me);
                firstInWindow.countDown();
                Background.until(() -> {
                    Thread other = second;
                    return other != null && (readers.contains(other) || !other.isAlive()
                            || ((Background.isWaiting(other) || Background.isTakingLock(other)) && Background.isIn(other, TicketOffice.class)));
                });
            }
            free = seats;
        }

        void failNextWrite(RuntimeException failure) {
            failNextWrite = failure;
        }

        /** What went wrong when buyer-2 got into buyer-1's window, by the likely mistake. */
        String diagnosis() {
            if (!firstHeldALock) {
                return "buyer-1 held no lock between its read and its write. Make reading, checking and writing the "
                        + "count one step no other sale can enter: synchronized, or one lock of the office held "
                        + "from free() to setFree().";
            }
            return secondReadWithoutLock
                    ? "buyer-1 held a lock while it wrote, but buyer-2 read the count without holding any lock: "
                            + "the read must be inside the same lock as the write (lock before free(), unlock after "
                            + "setFree())."
                    : "buyer-1 held a lock while it wrote, but buyer-2 did not wait for it: the two sales used "
                            + "different locks. A lock created per call (or synchronized on a new object) protects "
                            + "nothing; every sale must take the same lock, a field of the office, and hold it from "
                            + "the read to the write.";
        }

        /** buyer-1 goes into the window; then buyer-2 is sent in; returns what each got. */
        boolean[] race(Background.Group workers, TicketOffice office) throws Exception {
            Background<Boolean> buyer1 = workers.start("buyer-1", () -> {
                first = Thread.currentThread();
                return office.tryBuy();
            });
            Background.until(() -> firstInWindow.getCount() == 0 || buyer1.isDone());
            if (firstInWindow.getCount() > 0) {
                boolean got = buyer1.result();
                fail("buyer-1's tryBuy() returned %s without writing the new count with Seats.setFree: every "
                        + "sale must read the count with seats.free() and write it back with seats.setFree()", got);
            }
            Background<Boolean> buyer2 = workers.start("buyer-2", () -> {
                second = Thread.currentThread();
                return office.tryBuy();
            });
            boolean[] got = {buyer1.result(), buyer2.result()};
            assertThat(readers).withFailMessage("buyer-2's tryBuy() never read the count with Seats.free(): every "
                    + "sale must read the count it acts on").contains(second);
            return got;
        }
    }
}
