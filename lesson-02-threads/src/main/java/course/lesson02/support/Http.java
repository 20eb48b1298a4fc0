package course.lesson02.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The lesson's {@code get_page}: one blocking HTTP GET on the calling thread.
 *
 * <p>It starts no threads of its own, so whatever thread calls it is the thread that waits for
 * the network. That is what makes it a good subject for the lesson: to fetch four pages at the
 * same time you need four threads calling it.
 *
 * <pre>{@code
 * String body = Http.get(URI.create("http://127.0.0.1:8080/example.com"));
 * }</pre>
 */
public final class Http {
    private static final int TIMEOUT_MILLIS = 10_000;

    private Http() {
    }

    /**
     * Fetches a page and returns its body.
     *
     * @param page the page's address ({@code http://} only)
     * @return the body, decoded as UTF-8
     * @throws IOException if the connection fails or the server answers with a status of 400 or
     *                     more (the message names the status and the page)
     */
    public static String get(URI page) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) page.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("Connection", "close");
        try {
            int status = connection.getResponseCode();
            if (status >= 400) {
                throw new IOException("HTTP " + status + " from " + page);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }
}
