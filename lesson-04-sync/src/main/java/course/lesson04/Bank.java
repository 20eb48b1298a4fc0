package course.lesson04;

/**
 * Exercise 5 · Money transfers between accounts. <b>As shipped, it can deadlock: fix it.</b>
 *
 * <p>{@link #transfer(Account, Account, long)} locks the account it takes money from, then the one
 * it pays into. Now let Alice pay Bob while Bob pays Alice: the first transfer holds Alice's lock and
 * waits for Bob's, the second holds Bob's and waits for Alice's. Neither can ever go on. This is the
 * lecture's example of two locks taken in opposite order.
 *
 * <p>Fix it so that any transfers, in any directions, always finish. Two classic ways: take the two
 * locks in one global order that every thread agrees on (for example by {@link Account#id()}), or
 * take the second lock with a timed {@code tryLock} and, if it fails, release everything, back off
 * and retry. Keep calling the {@code afterFirstLock} hook right after the first lock is taken (every
 * time it is taken): the tests use it to drive two transfers into the dangerous window together.
 */
public class Bank {
    private final Runnable afterFirstLock;

    /** A bank without a test hook. */
    public Bank() {
        this(() -> { });
    }

    /** A bank that runs {@code afterFirstLock} right after a transfer has taken its first lock. */
    public Bank(Runnable afterFirstLock) {
        this.afterFirstLock = afterFirstLock;
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to}, holding both accounts' locks, so no
     * other thread ever sees the money in both accounts or in neither.
     *
     * @throws IllegalArgumentException if {@code from} has less than {@code amount}
     */
    public void transfer(Account from, Account to, long amount) {
        from.lock().lock();
        try {
            afterFirstLock.run();
            to.lock().lock();
            try {
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                to.lock().unlock();
            }
        } finally {
            from.lock().unlock();
        }
    }
}
