package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.Points;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 1 · A race condition at the box office")
class TicketOfficeTest {
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    @Points(4)
    @DisplayName("two buyers race for the last seat: exactly one of them gets it (check-then-act)")
    void onlyOneBuyerGetsTheLastSeat() throws Exception {
        Window window = new Window();
        TicketOffice office = new TicketOffice(1, window);

        boolean[] got = window.race(workers, office);

        assertThat(got[0] && got[1])
                .withFailMessage("both buyers got the last seat: buyer-2 read '1 seat left' while buyer-1 was "
                        + "between its read and its write (check-then-act). Make reading, checking and writing "
                        + "the count one step no other thread can enter (synchronized, or a lock held around all of it).")
                .isFalse();
        assertThat(got[0] || got[1]).withFailMessage("nobody got the last seat, but one buyer should have").isTrue();
        assertThat(office.available()).as("seats left after the last one was sold").isZero();
        assertThat(office.sold()).as("tickets sold for a show with 1 seat").isEqualTo(1);
    }

    @Test
    @Points(4)
    @DisplayName("two buyers at the same time: both sales are counted, none is lost (read-modify-write)")
    void noSaleIsLost() throws Exception {
        Window window = new Window();
        TicketOffice office = new TicketOffice(5, window);

        boolean[] got = window.race(workers, office);

        assertThat(got).as("both buyers of a show with 5 free seats get a ticket").containsExactly(true, true);
        assertThat(office.available())
                .withFailMessage("lost update: 2 tickets were sold but the free seats went from 5 to %d, not 3. "
                        + "Both buyers read 5 and both wrote 4. Make the read and the write one atomic step "
                        + "(synchronized, or a lock held around both).", office.available())
                .isEqualTo(3);
        assertThat(office.sold()).as("tickets sold").isEqualTo(2);
    }

    /**
     * The hook the office runs between its read and its write. It holds buyer-1 there until buyer-2
     * has either come into the same window (the race happens) or is blocked on a lock buyer-1 holds
     * (the fix works): the losing interleaving, forced every time the code allows it.
     */
    private static final class Window implements Runnable {
        private final CountDownLatch firstInside = new CountDownLatch(1);
        private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        private volatile Thread first;
        private volatile Thread second;

        @Override
        public void run() {
            Thread me = Thread.currentThread();
            arrived.add(me);
            if (me == first && firstInside.getCount() > 0) {
                firstInside.countDown();
                ThreadProbe.until(() -> {
                    Thread other = second;
                    return other != null && (arrived.contains(other) || !other.isAlive()
                            || ThreadProbe.waitsForLockHeldBy(other, me));
                });
            }
        }

        /** buyer-1 goes into the window; then buyer-2 is sent in; returns what each got. */
        boolean[] race(Workers workers, TicketOffice office) throws Exception {
            Workers.Worker<Boolean> buyer1 = workers.start("buyer-1", () -> {
                first = Thread.currentThread();
                return office.tryBuy();
            });
            ThreadProbe.until(() -> firstInside.getCount() == 0 || buyer1.isDone());
            if (firstInside.getCount() > 0) {
                buyer1.result();
                fail("tryBuy() never ran the betweenReadAndWrite hook: keep calling it between reading "
                        + "and writing the seat count, the test needs it to force the race");
            }
            Workers.Worker<Boolean> buyer2 = workers.start("buyer-2", () -> {
                second = Thread.currentThread();
                return office.tryBuy();
            });
            return new boolean[] {buyer1.result(), buyer2.result()};
        }
    }
}
