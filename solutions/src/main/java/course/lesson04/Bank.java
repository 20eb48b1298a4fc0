package course.lesson04;

/**
 * Money transfers between accounts that can never deadlock.
 *
 * <p>A transfer needs the locks of both accounts. Every transfer takes them in the same global
 * order, the account with the smaller {@link Account#id()} first, whichever way the money flows.
 * A cycle of threads each holding one lock and waiting for the next would need some thread to hold
 * a larger id while waiting for a smaller one, which this order forbids, so no cycle (and no
 * deadlock) can form.
 *
 * <p><b>Sample usage:</b>
 * <pre>{@code
 * Bank bank = new Bank();
 * Account alice = new Account(1, "alice", 100);
 * Account bob = new Account(2, "bob", 100);
 * try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
 *     pool.submit(() -> { bank.transfer(alice, bob, 30); return null; });
 *     pool.submit(() -> { bank.transfer(bob, alice, 50); return null; });
 * } // always returns: alice 120, bob 80
 * }</pre>
 *
 * <p>Memory consistency effects: a transfer happens-before any later transfer that involves
 * either of its accounts, because both hold that account's lock.
 */
public class Bank {

    /**
     * Moves {@code amount} from {@code from} to {@code to}, holding both accounts' locks, taken
     * in order of account id.
     *
     * @throws IllegalArgumentException if {@code from} has less than {@code amount}; no money moves
     *         and both locks are released
     * @throws InterruptedException never in this implementation (it waits with {@code lock()});
     *         declared for implementations that retry
     */
    public void transfer(Account from, Account to, long amount) throws InterruptedException {
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        first.lock().lock();
        try {
            second.lock().lock();
            try {
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                second.lock().unlock();
            }
        } finally {
            first.lock().unlock();
        }
    }
}
