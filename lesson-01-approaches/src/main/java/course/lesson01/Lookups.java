package course.lesson01;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Exercise 4 · Synchronous or asynchronous: the same lookup, two ways.
 *
 * <p>Every method answers with a line {@code "<name>: <number>"}, for example
 * {@code "ada: 555-0101"}.
 *
 * <ul>
 *   <li>{@link #lookup}: synchronous. The caller's thread asks the {@link PhoneBook} and waits
 *       for the answer, line by line, as written.</li>
 *   <li>{@link #lookupAsync}: asynchronous. Hand the question to the {@code executor} and
 *       return a {@link CompletableFuture} <em>at once</em>; the answer arrives later. Do not
 *       wait for it inside the method.</li>
 *   <li>{@link #lookupThen}: asynchronous with a callback: when the answer arrives, pass the
 *       line to {@code callback}. Return at once.</li>
 *   <li>{@link #lookupAll}: ask about every name at once and combine the answers, in the order
 *       of the names, into one future.</li>
 * </ul>
 *
 * <p>An unknown name makes {@link PhoneBook#numberOf} throw {@code NoSuchElementException}:
 * {@link #lookup} lets it through, the asynchronous methods complete their future exceptionally
 * with it.
 */
public final class Lookups {
    private Lookups() {
    }

    /**
     * Looks {@code name} up on the calling thread and returns {@code "<name>: <number>"}.
     *
     * @param book where to look
     * @param name whom to look up
     * @return the answer line
     */
    public static String lookup(PhoneBook book, String name) {
        throw new UnsupportedOperationException(
                "not implemented yet: Lookups.lookup — call book.numberOf(name) and return \"name: number\"");
    }

    /**
     * Starts looking {@code name} up on {@code executor} and returns at once.
     *
     * @param book     where to look
     * @param name     whom to look up
     * @param executor the threads that do the lookup
     * @return a future completed with {@code "<name>: <number>"}, or exceptionally if the lookup fails
     */
    public static CompletableFuture<String> lookupAsync(PhoneBook book, String name, Executor executor) {
        throw new UnsupportedOperationException(
                "not implemented yet: Lookups.lookupAsync — CompletableFuture.supplyAsync(..., executor).thenApply(...), no join()");
    }

    /**
     * Starts looking {@code name} up on {@code executor}, returns at once, and passes the answer
     * line to {@code callback} when it arrives.
     *
     * @param book     where to look
     * @param name     whom to look up
     * @param executor the threads that do the lookup
     * @param callback receives {@code "<name>: <number>"} once, after the lookup has finished
     * @return a future completed after the callback has run
     */
    public static CompletableFuture<Void> lookupThen(PhoneBook book, String name, Executor executor,
                                                     Consumer<String> callback) {
        throw new UnsupportedOperationException(
                "not implemented yet: Lookups.lookupThen — start the async lookup and attach the callback with thenAccept");
    }

    /**
     * Starts every lookup at once on {@code executor} and combines the answers.
     *
     * @param book     where to look
     * @param names    whom to look up
     * @param executor the threads that do the lookups
     * @return a future completed with the answer lines in the order of {@code names}
     */
    public static CompletableFuture<List<String>> lookupAll(PhoneBook book, List<String> names, Executor executor) {
        throw new UnsupportedOperationException(
                "not implemented yet: Lookups.lookupAll — start one lookupAsync per name first, then combine them with allOf");
    }
}
