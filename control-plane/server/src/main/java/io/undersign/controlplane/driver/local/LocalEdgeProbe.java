package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.PublicEndpointProbe;
import io.undersign.controlplane.driver.TenantSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Calls the tenant's health check through the local edge by its public host names. Java cannot
 * resolve {@code *.localhost}, so it connects to the edge's address and sends the Host header.
 */
@ApplicationScoped
@Typed(LocalEdgeProbe.class)
public class LocalEdgeProbe implements PublicEndpointProbe {
    private static final java.time.Duration GRACE = java.time.Duration.ofSeconds(15);

    @Inject
    Vertx vertx;

    @Inject
    UndersignConfig config;

    @Override
    public Map<String, String> verify(TenantSpec tenant) throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            Map<String, String> outputs = new LinkedHashMap<>();
            for (String host : new String[] {tenant.interviewHost(), tenant.apiHost()}) {
                outputs.put(host, awaitHealthy(client, host));
            }
            return outputs;
        } finally {
            client.close();
        }
    }

    /**
     * A runtime may still be (re)connecting to its broker or database, and after a control-plane
     * restart the edge itself may not listen yet: give both a short grace period.
     */
    private String awaitHealthy(HttpClient client, String host) throws Exception {
        long deadline = System.nanoTime() + GRACE.toNanos();
        String last;
        do {
            try {
                int status = status(client, host);
                if (status == 200) {
                    return "healthy";
                }
                last = "answered " + status;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                last = "could not be reached (" + cause.getMessage() + ")";
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("http://" + host + ":" + config.edge().port() + "/q/health/ready " + last
                + " for " + GRACE.toSeconds() + " s");
    }

    private int status(HttpClient client, String host) throws Exception {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(config.edge().port(), config.edge().host()))
                .setHost(host)
                .setPort(config.edge().port())
                .setURI("/q/health/ready")
                .setTimeout(5000);
        return client.request(options)
                .compose(request -> request.send())
                .map(response -> response.statusCode())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
