package course.lesson04;

/**
 * Exercise 5 · Money transfers between accounts. <b>As shipped, it can deadlock: fix it.</b>
 *
 * <p>{@link #transfer(Account, Account, long)} locks the account it takes money from, then the one
 * it pays into. Now let Alice pay Bob while Bob pays Alice: the first transfer holds Alice's lock and
 * waits for Bob's, the second holds Bob's and waits for Alice's. Neither can ever go on. This is the
 * lecture's example of two locks taken in opposite order.
 *
 * <p>Fix it so that any transfers, in any directions, always finish, each one holding both
 * accounts' locks while it moves the money, and releasing every lock it took even when the
 * transfer fails. Two classic ways: take the two locks in one global order that every thread agrees
 * on (for example by {@link Account#id()}), or take the second lock with a timed {@code tryLock}
 * and, if that fails, release the first, back off and retry. (The tests give the accounts locks of
 * their own, and hold each transfer right after its first lock until the other transfer has come
 * that far too.)
 */
public class Bank {
    /**
     * Moves {@code amount} from {@code from} to {@code to}, holding both accounts' locks, so no
     * other thread ever sees the money in both accounts or in neither.
     *
     * @throws IllegalArgumentException if {@code from} has less than {@code amount}; no money moves
     * @throws InterruptedException if the thread is interrupted while it waits between two tries
     *         (only a solution that retries waits like that)
     */
    public void transfer(Account from, Account to, long amount) throws InterruptedException {
        from.lock().lock();
        try {
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
