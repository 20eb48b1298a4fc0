package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.AllowThreads;
import course.grading.Deadlocks;
import course.grading.Points;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 5 · Transfers without deadlock")
class BankTest {
    private final Workers workers = new Workers();

    @AfterEach
    void stopWorkers() {
        if (Deadlocks.describe().isEmpty()) { // deadlocked threads cannot be stopped: leave them
            workers.close();
        }
    }

    @Test
    @Points(6)
    @AllowThreads("on a deadlocking solution the two transfer threads hold each other's lock for ever; "
            + "nothing can free them, so they are daemon threads left behind on purpose")
    @DisplayName("Alice pays Bob while Bob pays Alice, both inside the dangerous window: both transfers finish")
    void oppositeTransfersDoNotDeadlock() throws Exception {
        Account alice = new Account(1, "alice", 100);
        Account bob = new Account(2, "bob", 100);
        Window window = new Window();
        Bank bank = new Bank(window);

        Workers.Worker<Object> aliceToBob = workers.start("transfer alice->bob", () -> {
            bank.transfer(alice, bob, 30);
            return null;
        });
        Workers.Worker<Object> bobToAlice = workers.start("transfer bob->alice", () -> {
            bank.transfer(bob, alice, 50);
            return null;
        });
        window.pair(aliceToBob.thread(), bobToAlice.thread());

        AtomicReference<Optional<String>> deadlock = new AtomicReference<>(Optional.empty());
        boolean finished = ThreadProbe.until(() -> {
            deadlock.set(Deadlocks.describe());
            return deadlock.get().isPresent() || aliceToBob.isDone() && bobToAlice.isDone();
        });
        if (deadlock.get().isPresent()) {
            fail("the two transfers deadlocked, each holding one account's lock and waiting for the other's "
                    + "(locks taken in opposite orders). %s. Take the two locks in one global order (e.g. the "
                    + "smaller Account.id() first) or use tryLock with a timeout and back off.", deadlock.get().get());
        }
        if (!finished) {
            fail("the transfers did not finish within the time limit (alice->bob is %s, bob->alice is %s); "
                    + "if they retry with tryLock, release both locks and back off before the next try",
                    ThreadProbe.whereIs(aliceToBob.thread()), ThreadProbe.whereIs(bobToAlice.thread()));
        }
        aliceToBob.result();
        bobToAlice.result();
        assertThat(window.calls()).as("the afterFirstLock hook must run in both transfers").isGreaterThanOrEqualTo(2);
        assertThat(Map.of("alice", balance(alice), "bob", balance(bob)))
                .as("balances after alice paid bob 30 and bob paid alice 50")
                .isEqualTo(Map.of("alice", 120L, "bob", 80L));
    }

    private static long balance(Account account) {
        account.lock().lock();
        try {
            return account.balance();
        } finally {
            account.lock().unlock();
        }
    }

    /**
     * The hook each transfer runs after taking its first lock. The first time, it holds the thread
     * there until the other transfer has also taken a first lock (both are in the dangerous window)
     * or is blocked on the lock this one holds (the order is safe), so the deadlock, if the code
     * allows it, happens every time.
     */
    private static final class Window implements Runnable {
        private final Map<Thread, Thread> partner = new ConcurrentHashMap<>();
        private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        private final AtomicInteger calls = new AtomicInteger();

        void pair(Thread a, Thread b) {
            partner.put(a, b);
            partner.put(b, a);
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void run() {
            calls.incrementAndGet();
            Thread me = Thread.currentThread();
            if (!arrived.add(me)) {
                return;
            }
            ThreadProbe.until(() -> {
                Thread other = partner.get(me);
                return other != null && (arrived.contains(other) || !other.isAlive()
                        || ThreadProbe.waitsForLockHeldBy(other, me));
            });
        }
    }
}
