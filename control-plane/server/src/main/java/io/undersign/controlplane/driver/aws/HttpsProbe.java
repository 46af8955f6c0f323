package io.undersign.controlplane.driver.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * Asks a public host's {@code /ping} over HTTPS, as a user would reach it (public DNS, the ACM
 * certificate), until it answers 200 or the grace period ends: new targets take a while to pass
 * their load balancer's health checks, and new names to resolve.
 */
public final class HttpsProbe {
    private final HttpClient http;
    private final Function<String, URI> pingOf;
    private final Duration pollInterval;
    private final Duration grace;

    public HttpsProbe(HttpClient http, Function<String, URI> pingOf, Duration pollInterval, Duration grace) {
        this.http = http;
        this.pingOf = pingOf;
        this.pollInterval = pollInterval;
        this.grace = grace;
    }

    /** {@code https://<host>/ping}. */
    public static URI publicPing(String host) {
        return URI.create("https://" + host + "/ping");
    }

    /** Returns once the host answers 200; throws with the last answer after the grace period. */
    public String awaitHealthy(String host) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        String last;
        do {
            try {
                // the URI names the host: Java's client refuses a Host header unless a JVM flag allows it
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(pingOf.apply(host)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return "healthy";
                }
                last = "answered " + response.statusCode();
            } catch (IOException e) {
                last = "unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
            Thread.sleep(pollInterval.toMillis());
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(publicPing(host) + " " + last + " for " + grace.toSeconds() + " s");
    }
}
