package course.lesson02;

import course.grading.Delays;
import course.grading.Points;
import course.grading.ThreadStarts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

@DisplayName("Exercise 5 · Thread identity")
class ThreadFactsTest {

    @Test
    @Points(2)
    @DisplayName("starts a platform thread with the requested name and daemon flag, running the task")
    void startsANamedThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable task = () -> {
            ranOn.set(Thread.currentThread());
            if (Thread.currentThread() != caller) {
                awaitQuietly(release);
            }
        };
        ThreadStarts.watch();
        Thread daemon = ThreadFacts.startNamed("worker-7", true, task);
        try {
            assertThat(daemon).as("startNamed must return the thread").isNotNull();
            assertThat(ranOn.get())
                    .withFailMessage("run() was called instead of start(): the task ran on the caller's thread '%s'",
                            caller.getName())
                    .isNotSameAs(caller);
            assertThat(daemon.getName()).as("name of the started thread").isEqualTo("worker-7");
            ThreadStarts.namedAfterStart(daemon, "worker-7").ifPresent(message -> fail(message));
            assertThat(daemon.isDaemon()).as("startNamed(…, daemon = true, …).isDaemon()").isTrue();
            assertThat(daemon.isVirtual()).as("a platform thread, not a virtual one").isFalse();
            assertThat(daemon.getState())
                    .withFailMessage("the returned thread was never started (state NEW): call start()")
                    .isNotEqualTo(Thread.State.NEW);
            await().atMost(Delays.CEILING).until(() -> ranOn.get() != null);
            assertThat(ranOn.get())
                    .withFailMessage("the task ran on '%s', not on the returned thread: did you call run()?",
                            ranOn.get().getName())
                    .isSameAs(daemon);
        } finally {
            release.countDown();
            if (daemon != null) {
                daemon.join(Delays.CEILING.toMillis());
            }
        }
        Thread normal = ThreadFacts.startNamed("worker-8", false, () -> { });
        normal.join(Delays.CEILING);
        assertThat(normal.getName()).isEqualTo("worker-8");
        assertThat(normal.isDaemon()).as("startNamed(…, daemon = false, …).isDaemon()").isFalse();

        // A new thread inherits the daemon flag of the thread that creates it.
        AtomicReference<Object> made = new AtomicReference<>();
        Thread creator = Thread.ofPlatform().name("daemon-creator").daemon(true).start(() -> {
            try {
                made.set(ThreadFacts.startNamed("worker-9", false, () -> { }));
            } catch (Throwable t) {
                made.set(t);
            }
        });
        creator.join(Delays.CEILING);
        if (made.get() instanceof Throwable t) {
            throw t instanceof Error e ? e : new AssertionError(t);
        }
        Thread fromDaemon = (Thread) made.get();
        assertThat(fromDaemon).as("startNamed must return the thread").isNotNull();
        fromDaemon.join(Delays.CEILING);
        assertThat(fromDaemon.isDaemon())
                .withFailMessage("startNamed(…, daemon = false, …) called from a daemon thread returned a daemon "
                        + "thread: a new thread inherits its creator's daemon flag. Set the flag for both true and false.")
                .isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("describes a thread by its name, its threadId(), its daemon flag and its current state")
    void describesAThread() throws Exception {
        Thread me = Thread.currentThread();
        ThreadSnapshot self = ThreadFacts.describe(me);
        assertSnapshot("describe(Thread.currentThread())", self, me.getName(), me.threadId(), me.isDaemon(),
                Thread.State.RUNNABLE);

        CountDownLatch release = new CountDownLatch(1);
        Thread parked = Thread.ofPlatform().name("parked").daemon(true).start(() -> awaitQuietly(release));
        try {
            await().atMost(Delays.CEILING).until(() -> parked.getState() == Thread.State.WAITING);
            ThreadSnapshot other = ThreadFacts.describe(parked);
            assertThat(other.name())
                    .withFailMessage("describe(parked), called from '%s', described the thread '%s': describe the "
                            + "thread you are given, not Thread.currentThread()", me.getName(), other.name())
                    .isEqualTo("parked");
            assertSnapshot("describe() of a thread waiting on a latch", ThreadFacts.describe(parked), "parked",
                    parked.threadId(), true, Thread.State.WAITING);
        } finally {
            release.countDown();
            parked.join(Delays.CEILING);
        }
        assertThat(ThreadFacts.describe(parked).state()).as("state after the thread ended")
                .isEqualTo(Thread.State.TERMINATED);
    }

    @Test
    @Points(2)
    @DisplayName("finds the JVM's main thread even when asked from another thread")
    void findsTheMainThread() throws Exception {
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread asker = Thread.ofPlatform().name("asker").start(() -> {
            try {
                answer.set(ThreadFacts.mainThread());
            } catch (Throwable t) {
                answer.set(t);
            }
        });
        asker.join(Delays.CEILING);
        assertThat(asker.isAlive())
                .withFailMessage("mainThread() had not returned after %d s: it must find the thread, not wait for it",
                        Delays.CEILING.toSeconds())
                .isFalse();
        if (answer.get() instanceof RuntimeException e) {
            throw e;
        }
        if (answer.get() instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        Optional<Thread> main = (Optional<Thread>) answer.get();
        assertThat(main).as("mainThread() returned null").isNotNull();
        assertThat(main).as("mainThread() found nothing, but the thread 'main' is alive").isPresent();
        assertThat(main.get())
                .withFailMessage("mainThread() asked from thread 'asker' returned 'asker': Thread.currentThread() is "
                        + "whichever thread calls it, not the main thread. Look for the live thread named \"main\".")
                .isNotSameAs(asker);
        assertThat(main.get().getName()).as("name of the thread mainThread() returned").isEqualTo("main");
        assertThat(main.get().isAlive()).as("the main thread is alive").isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("lists every live thread of the JVM, including threads in other thread groups, and no finished ones")
    void listsTheLiveThreads() throws Exception {
        ThreadGroup elsewhere = new ThreadGroup(topGroup(), "probes");
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> probes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Thread probe = new Thread(elsewhere, () -> awaitQuietly(release), "probe-" + i);
            probe.setDaemon(true);
            probe.start();
            probes.add(probe);
        }
        List<Thread> live;
        try {
            live = ThreadFacts.liveThreads();
        } finally {
            release.countDown();
            for (Thread probe : probes) {
                probe.join(Delays.CEILING);
            }
        }
        assertThat(live).as("liveThreads() returned null").isNotNull();
        assertThat(live).as("liveThreads() must contain the thread that calls it").contains(Thread.currentThread());
        List<String> missed = probes.stream().filter(p -> !live.contains(p)).map(Thread::getName).toList();
        assertThat(missed)
                .withFailMessage("liveThreads() missed the live threads %s of thread group 'probes': list the threads "
                        + "of the whole JVM (Thread.getAllStackTraces()), not just the caller's thread group", missed)
                .isEmpty();

        List<Thread> after = ThreadFacts.liveThreads();
        assertThat(after)
                .withFailMessage("liveThreads() still lists probe threads that have ended: keep only threads that "
                        + "are alive")
                .doesNotContainAnyElementsOf(probes);
        assertThat(after).as("every listed thread is alive").allMatch(Thread::isAlive);
    }

    /**
     * Checks a snapshot component by component, through its accessors: never with
     * {@code ThreadSnapshot.equals}, which the student's code may change.
     */
    private static void assertSnapshot(String what, ThreadSnapshot actual, String name, long id, boolean daemon,
                                       Thread.State state) {
        assertThat(actual).as("%s returned null", what).isNotNull();
        String expected = String.format("name=%s, id=%d, daemon=%b, state=%s", name, id, daemon, state);
        String got = String.format("name=%s, id=%d, daemon=%b, state=%s",
                actual.name(), actual.id(), actual.daemon(), actual.state());
        assertThat(got)
                .withFailMessage("%s: expected [%s] but got [%s]: the name is getName(), the id threadId() (not the "
                        + "operating system's id), the daemon flag isDaemon() and the state getState(), all read from "
                        + "the thread you are given, now", what, expected, got)
                .isEqualTo(expected);
    }

    private static ThreadGroup topGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
