package course.lesson04;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank account guarded by its own lock. Support code for exercise 5: you use it, you do not edit it.
 *
 * <p>{@link #withdraw(long)}, {@link #deposit(long)} and {@link #balance()} may only be called by
 * the thread that holds {@link #lock()}; they throw {@link IllegalStateException} otherwise, so a
 * transfer that forgets a lock fails loudly instead of losing money quietly.
 */
public final class Account {
    private final int id;
    private final String owner;
    private final ReentrantLock lock;
    private long balance;

    /** An account with a unique {@code id} (use it to order locks), an owner's name and a balance. */
    public Account(int id, String owner, long balance) {
        this(id, owner, balance, new ReentrantLock());
    }

    /**
     * An account guarded by {@code lock}. The tests pass in a lock of their own, which lets them
     * hold a transfer right after it has taken its first lock and see which locks it holds.
     */
    public Account(int id, String owner, long balance, ReentrantLock lock) {
        this.id = id;
        this.owner = owner;
        this.balance = balance;
        this.lock = lock;
    }

    /** The account's unique number. */
    public int id() {
        return id;
    }

    /** The owner's name. */
    public String owner() {
        return owner;
    }

    /** The lock that guards this account's balance. */
    public ReentrantLock lock() {
        return lock;
    }

    /** The balance; the caller must hold {@link #lock()}. */
    public long balance() {
        requireLock("read the balance of");
        return balance;
    }

    /** Takes {@code amount} out; the caller must hold {@link #lock()}. */
    public void withdraw(long amount) {
        requireLock("withdraw from");
        if (amount > balance) {
            throw new IllegalArgumentException(owner + " has " + balance + ", cannot withdraw " + amount);
        }
        balance -= amount;
    }

    /** Puts {@code amount} in; the caller must hold {@link #lock()}. */
    public void deposit(long amount) {
        requireLock("deposit to");
        balance += amount;
    }

    private void requireLock(String what) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("tried to " + what + " account '" + owner
                    + "' without holding its lock (account.lock().lock() first)");
        }
    }

    @Override
    public String toString() {
        return "Account#" + id + "(" + owner + ")";
    }
}
