package course.lesson01;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The same phone-book lookup, synchronous and asynchronous.
 *
 * <p>{@link #lookup} is synchronous: the caller's thread does the work and waits. The other
 * methods are asynchronous: they hand the lookup to an {@link Executor}, return a
 * {@link CompletableFuture} immediately, and describe what happens <em>when</em> the answer
 * arrives ({@code thenApply}, {@code thenAccept}, {@code allOf}). Every answer is the line
 * {@code "<name>: <number>"}.
 *
 * <p>Sample usage:
 * <pre>{@code
 * String now = Lookups.lookup(book, "ada");                       // blocks, then "ada: 555-0101"
 * Lookups.lookupThen(book, "ada", pool, System.out::println);     // returns at once; prints later
 * List<String> all = Lookups.lookupAll(book, List.of("ada", "alan"), pool).join();
 * }</pre>
 *
 * <p>Memory consistency effects: actions in the calling thread before it calls an asynchronous
 * method <i>happen-before</i> the lookup runs on the executor; the lookup and every dependent
 * stage <i>happen-before</i> a thread that observes the future's completion (for example by
 * {@code join()}) continues.
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
     * @throws java.util.NoSuchElementException if the name is not in the book
     */
    public static String lookup(PhoneBook book, String name) {
        return line(name, book.numberOf(name));
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
        return CompletableFuture.supplyAsync(() -> book.numberOf(name), executor)
                .thenApply(number -> line(name, number));
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
        return lookupAsync(book, name, executor).thenAccept(callback);
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
        List<CompletableFuture<String>> lookups = names.stream()
                .map(name -> lookupAsync(book, name, executor))
                .toList();   // all started before anything waits
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenApply(done -> lookups.stream().map(CompletableFuture::join).toList());
    }

    private static String line(String name, String number) {
        return name + ": " + number;
    }
}
