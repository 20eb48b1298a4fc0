package course.lesson01;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A directory that answers one question, slowly: what is this person's phone number?
 * Exercise 4 asks it the same question synchronously and asynchronously.
 */
@FunctionalInterface
public interface PhoneBook {

    /**
     * Looks a number up. May take a long time (think of a remote service) and blocks the
     * calling thread until it has the answer.
     *
     * @param name whom to look up
     * @return the number, for example {@code "555-0101"}
     * @throws NoSuchElementException if the name is not in the book
     */
    String numberOf(String name);

    /**
     * A phone book backed by a map that takes {@code latencyMillis} per lookup (a sleep that
     * simulates the network: fine in demos, never used to decide a test).
     *
     * @param entries       name to number
     * @param latencyMillis how long each lookup takes
     * @return the phone book
     */
    static PhoneBook slow(Map<String, String> entries, long latencyMillis) {
        Map<String, String> copy = Map.copyOf(entries);
        return name -> {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lookup of " + name + " interrupted", e);
            }
            String number = copy.get(name);
            if (number == null) {
                throw new NoSuchElementException("no number for " + name);
            }
            return number;
        };
    }
}
