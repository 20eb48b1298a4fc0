package course.lesson02.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small local web site for the lesson: it serves pages on {@code 127.0.0.1} (a free port) and
 * answers every request only after a fixed delay, like a slow site on the internet.
 *
 * <p>Every path is a page: {@code GET /example.com} answers {@code 200} with the body
 * {@code "page /example.com"}. A path registered with {@link #fail(String, int)} answers with
 * that error status instead. Each request is handled on its own thread, so the server
 * itself never serialises its clients: if pages arrive one after another, the client asked for
 * them one after another.
 *
 * <p>Tests instrument the server with a {@link Hook} that runs inside the server before each
 * answer, for example a {@code CyclicBarrier} that only opens when four requests are in flight
 * at the same time. The server also counts requests and the largest number in flight at once.
 *
 * <pre>{@code
 * try (SlowPageServer server = SlowPageServer.start(Duration.ofMillis(300))) {
 *     URI page = server.uri("/example.com");
 *     String body = Http.get(page);          // "page /example.com", after about 300 ms
 * }
 * }</pre>
 *
 * <p>Every answer carries {@code Connection: close}, so the JDK's HTTP client keeps no
 * connection (and no keep-alive thread) after a request.
 */
public final class SlowPageServer implements AutoCloseable {

    /** Runs inside the server before it answers a request; may block (a barrier, a latch). */
    @FunctionalInterface
    public interface Hook {
        /**
         * Called on the server's handler thread for each request, before the delay and the answer.
         *
         * @param path the request path, for example {@code "/example.com"}
         * @throws Exception to answer this request with {@code 500} and the exception's message
         */
        void beforeAnswer(String path) throws Exception;
    }

    private final HttpServer http;
    private final ExecutorService handlers;
    private final Duration delay;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Hook hook = path -> { };

    private SlowPageServer(HttpServer http, ExecutorService handlers, Duration delay) {
        this.http = http;
        this.handlers = handlers;
        this.delay = delay;
    }

    /**
     * Starts a server on {@code 127.0.0.1} on a free port.
     *
     * @param delay how long every answer takes (zero for none)
     * @return the running server; close it when done
     * @throws IOException if no local port can be bound
     */
    public static SlowPageServer start(Duration delay) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("page-server-", 0).daemon(true).factory());
        SlowPageServer server = new SlowPageServer(http, handlers, delay);
        http.setExecutor(handlers);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** The address of a page on this server, for example {@code uri("/example.com")}. */
    public URI uri(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + p);
    }

    /** Makes {@code path} answer with {@code status} (for example 404 or 500) from now on. */
    public SlowPageServer fail(String path, int status) {
        failures.put(path.startsWith("/") ? path : "/" + path, status);
        return this;
    }

    /** Installs the hook run before every answer (replacing any earlier one). */
    public SlowPageServer beforeEachAnswer(Hook hook) {
        this.hook = hook;
        return this;
    }

    /** How many requests arrived so far. */
    public int requests() {
        return requests.get();
    }

    /** The largest number of requests that were being handled at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The body this server sends for {@code path}: what a successful fetch must return. */
    public static String bodyOf(String path) {
        return "page " + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int status;
        String body;
        try {
            hook.beforeAnswer(path);
            if (!delay.isZero()) {
                Thread.sleep(delay); // simulated network latency, never a verdict
            }
            Integer failure = failures.get(path);
            status = failure == null ? 200 : failure;
            body = failure == null ? bodyOf(path) : "error " + failure + " for " + path;
        } catch (Exception e) {
            status = 500;
            body = "hook failed: " + e;
        } finally {
            inFlight.decrementAndGet();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    /** Stops the server at once, interrupts requests still waiting and waits for its threads to end. */
    @Override
    public void close() {
        http.stop(0);
        handlers.shutdownNow();
        handlers.close();
    }
}
