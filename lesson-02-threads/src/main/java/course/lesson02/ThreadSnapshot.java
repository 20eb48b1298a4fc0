package course.lesson02;

/**
 * What a thread looked like at one moment.
 *
 * @param name   the thread's name ({@link Thread#getName()})
 * @param id     the thread's id ({@link Thread#threadId()}): unique in this JVM and never reused;
 *               not the operating system's thread id
 * @param daemon whether it is a daemon thread
 * @param state  its state, for example {@code RUNNABLE}, {@code WAITING} or {@code TERMINATED}
 */
public record ThreadSnapshot(String name, long id, boolean daemon, Thread.State state) {
}
