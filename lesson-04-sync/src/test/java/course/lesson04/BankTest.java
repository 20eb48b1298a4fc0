package course.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import course.grading.AllowThreads;
import course.grading.Deadlocks;
import course.grading.Background;
import course.grading.Points;
import course.grading.TestLock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 5 · Transfers without deadlock")
@AllowThreads("on a deadlocking solution the two transfer threads hold each other's lock for ever; "
        + "nothing can free them, so they are daemon threads left behind on purpose")
class BankTest {
    private final Background.Group workers = new Background.Group();

    @AfterEach
    void stopWorkers() {
        if (Deadlocks.describe().isEmpty()) { // deadlocked threads cannot be stopped: leave them
            workers.close();
        }
    }

    @Test
    @Points(3)
    @DisplayName("Alice pays Bob while Bob pays Alice, each held right after its first lock: both finish, holding both locks while moving the money")
    void oppositeTransfersDoNotDeadlock() throws Exception {
        Scene scene = new Scene();
        scene.run(30, 50);

        scene.expectNoFailure("transfer alice->bob");
        scene.expectNoFailure("transfer bob->alice");
        Map<String, Long> expected = Map.of("alice", 120L, "bob", 80L);
        for (String name : List.of("transfer alice->bob", "transfer bob->alice")) {
            if (!scene.window.heldBoth.contains(scene.thread(name)) && !scene.balances().equals(expected)) {
                fail("'%s' returned without ever holding both accounts' locks, and the balances are %s instead of "
                        + "%s: the transfer gave up. When the second lock cannot be had, release the first, back off "
                        + "and try again; do not give up.", name, scene.balances(), expected);
            }
            assertThat(scene.window.heldBoth)
                    .withFailMessage("'%s' never held both accounts' locks at the same time: it took and released "
                            + "them one after the other, so between the withdrawal and the deposit another thread can "
                            + "see the money in neither account. Hold the first lock until the second is taken and "
                            + "the money has moved.", name)
                    .contains(scene.thread(name));
        }
        assertThat(scene.balances()).as("balances after alice paid bob 30 and bob paid alice 50")
                .isEqualTo(expected);
        scene.expectLocksFree("after both transfers finished");
    }

    @Test
    @Points(3)
    @DisplayName("a transfer that fails for lack of money, in the same window, moves nothing and releases both locks")
    void failedTransferReleasesBothLocks() throws Exception {
        Scene scene = new Scene();
        scene.run(30, 500);

        scene.expectNoFailure("transfer alice->bob");
        Throwable refused = scene.workers.get(1).failure();
        assertThat(refused)
                .withFailMessage("bob has 100 and tried to pay alice 500: transfer must throw the "
                        + "IllegalArgumentException of Account.withdraw; it %s",
                        refused == null ? "returned normally" : "threw " + refused)
                .isInstanceOf(IllegalArgumentException.class);
        scene.expectLocksFree("after bob's transfer of 500 threw");
        assertThat(scene.balances()).as("balances after alice paid bob 30 and bob's payment of 500 was refused")
                .isEqualTo(Map.of("alice", 70L, "bob", 130L));
    }

    /** Two accounts with the test's locks, two transfers in opposite directions, and the window. */
    private final class Scene {
        final TestLock aliceLock = new TestLock();
        final TestLock bobLock = new TestLock();
        final Account alice = new Account(1, "alice", 100, aliceLock);
        final Account bob = new Account(2, "bob", 100, bobLock);
        final Window window = new Window(aliceLock, bobLock);
        final List<Background<Object>> workers = new ArrayList<>();

        /** Starts alice->bob and bob->alice, and waits until both ended, or deadlocked, or the ceiling. */
        void run(long aliceToBob, long bobToAlice) throws Exception {
            aliceLock.afterAcquire(window);
            bobLock.afterAcquire(window);
            Bank bank = new Bank();
            workers.add(BankTest.this.workers.start("transfer alice->bob", () -> {
                bank.transfer(alice, bob, aliceToBob);
                return null;
            }));
            workers.add(BankTest.this.workers.start("transfer bob->alice", () -> {
                bank.transfer(bob, alice, bobToAlice);
                return null;
            }));
            window.pair(workers.get(0).thread(), workers.get(1).thread());

            AtomicReference<Optional<String>> deadlock = new AtomicReference<>(Optional.empty());
            boolean finished = Background.until(() -> {
                if (untimedDeadlock()) {
                    deadlock.set(Deadlocks.describe());
                }
                return deadlock.get().isPresent() || workers.stream().allMatch(Background::isDone);
            });
            if (deadlock.get().isPresent()) {
                fail("the two transfers deadlocked, each holding one account's lock and waiting for the other's "
                        + "(locks taken in opposite orders). %s. Take the two locks in one global order (e.g. the "
                        + "smaller Account.id() first) or use tryLock with a timeout and back off.",
                        deadlock.get().get());
            }
            if (!finished) {
                String leftHeld = heldByEndedThread();
                if (leftHeld != null) {
                    fail("%s: a transfer threw and never released it, so the other transfer waits for ever. "
                            + "Call unlock() in a finally block.", leftHeld);
                }
                fail("the transfers did not finish within the time limit (alice->bob is %s, bob->alice is %s); "
                        + "if they retry with tryLock, release the first lock when the second cannot be had, and "
                        + "back off before the next try",
                        Background.where(workers.get(0).thread()), Background.where(workers.get(1).thread()));
            }
        }

        Thread thread(String name) {
            return workers.stream().map(Background::thread).filter(t -> t.getName().equals(name))
                    .findFirst().orElseThrow();
        }

        void expectNoFailure(String name) throws Exception {
            workers.stream().filter(w -> w.thread().getName().equals(name)).findFirst().orElseThrow().result();
        }

        void expectLocksFree(String when) {
            for (TestLock lock : List.of(aliceLock, bobLock)) {
                if (lock.isLocked()) {
                    String account = lock == aliceLock ? "alice" : "bob";
                    Thread owner = lock.owner();
                    fail("%s, the lock of %s's account is still held by '%s' (%s). Call unlock() in a finally "
                            + "block, so every lock a transfer took is released however it ends.", when, account,
                            owner == null ? "?" : owner.getName(),
                            owner == null || !owner.isAlive() ? "a thread that has ended" : Background.where(owner));
                }
            }
        }

        private String heldByEndedThread() {
            for (TestLock lock : List.of(aliceLock, bobLock)) {
                Thread owner = lock.owner();
                if (owner != null && !owner.isAlive()) {
                    return "the lock of " + (lock == aliceLock ? "alice" : "bob") + "'s account is still held by '"
                            + owner.getName() + "', which has ended";
                }
            }
            return null;
        }

        Map<String, Long> balances() {
            return Map.of("alice", balance(alice), "bob", balance(bob));
        }
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
     * Runs in a transfer thread right after it has taken an account's lock. The first time, it holds
     * the thread there until the other transfer has also taken a first lock (both are in the
     * dangerous window) or is waiting for the lock this one holds (the order is safe), so the
     * deadlock, if the code allows it, happens every time. It also notes which threads ever held
     * both accounts' locks at once.
     */
    private static final class Window implements Runnable {
        private final TestLock first;
        private final TestLock second;
        private final Map<Thread, Thread> partner = new ConcurrentHashMap<>();
        private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
        final Set<Thread> heldBoth = ConcurrentHashMap.newKeySet();

        Window(TestLock first, TestLock second) {
            this.first = first;
            this.second = second;
        }

        void pair(Thread a, Thread b) {
            partner.put(b, a);
            partner.put(a, b);
        }

        @Override
        public void run() {
            Thread me = Thread.currentThread();
            if (first.isHeldByCurrentThread() && second.isHeldByCurrentThread()) {
                heldBoth.add(me);
            }
            if (!me.getName().startsWith("transfer ") || !arrived.add(me)) {
                return;
            }
            Background.until(() -> {
                Thread other = partner.get(me);
                return other != null && (arrived.contains(other) || !other.isAlive()
                        || Background.waitsForLockHeldBy(other, me) || ((Background.isWaiting(other) || Background.isTakingLock(other)) && Background.isIn(other, Bank.class)));
            });
        }
    }

    /**
     * Whether the JVM finds a deadlock cycle whose threads all wait without a time limit. Threads that
     * wait in a timed {@code tryLock} for each other's locks are no deadlock: those waits end by themselves.
     */
    private static boolean untimedDeadlock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        return ids != null && ids.length > 0 && Arrays.stream(threads.getThreadInfo(ids)).allMatch(info -> info != null
                && (info.getThreadState() == Thread.State.WAITING || info.getThreadState() == Thread.State.BLOCKED));
    }
}
