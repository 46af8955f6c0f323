package io.undersign.controlplane.edge;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The local stand-in for the ALB, NLB and Route 53: one listener that routes by Host header to
 * the tenant's runtime, answers 503 with a maintenance page for suspended tenants and 404 for
 * hosts no tenant holds.
 */
@ApplicationScoped
public class LocalEdge {
    private static final Logger LOG = Logger.getLogger(LocalEdge.class);
    private static final long RELOAD_MS = 1000;

    @Inject
    Vertx vertx;

    @Inject
    UndersignConfig config;

    @Inject
    RouteTable routes;

    private HttpServer server;
    private long timer = -1;

    void start(@Observes @Priority(200) StartupEvent event) throws Exception {
        if (!config.edge().enabled()) {
            return;
        }
        routes.reload();
        timer = vertx.setPeriodic(RELOAD_MS, id -> vertx.executeBlocking(() -> {
            routes.reload();
            return null;
        }, false));
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64).setKeepAlive(true)))
                .originSelector(this::origin);
        proxy.addInterceptor(new ForwardedHeaders());
        server = vertx.createHttpServer().requestHandler(request -> handle(request, proxy));
        server.listen(config.edge().port(), config.edge().host()).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        LOG.infof("Local edge listening on http://%s:%d", config.edge().host(), config.edge().port());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (server != null) {
            server.close();
        }
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request, HttpProxy proxy) {
        String host = hostOf(request);
        Optional<RouteTable.Route> route = routes.lookup(host);
        if (route.isEmpty()) {
            page(request, 404, "Not found", "No Undersign service answers at " + escape(host) + ".");
        } else if (route.get().suspended()) {
            request.response().putHeader("Retry-After", "3600");
            page(request, 503, "Service suspended",
                    "This service is suspended for now. Please try again later or contact your insurer.");
        } else if (route.get().runtimePort() == null) {
            request.response().putHeader("Retry-After", "30");
            page(request, 503, "Starting up", "This service is not running yet. Please try again in a minute.");
        } else {
            request.response().putHeader("X-Undersign-Tenant", route.get().tenantId());
            proxy.handle(request);
        }
    }

    private Future<SocketAddress> origin(HttpServerRequest request) {
        return routes.lookup(hostOf(request))
                .map(RouteTable.Route::runtimePort)
                .map(port -> Future.succeededFuture(SocketAddress.inetSocketAddress(port, "127.0.0.1")))
                .orElseGet(() -> Future.failedFuture("no route"));
    }

    /** The requested host without port: Host on HTTP/1.1, :authority on HTTP/2. */
    private static String hostOf(HttpServerRequest request) {
        return request.authority() == null ? "" : request.authority().host().toLowerCase(Locale.ROOT);
    }

    private static void page(HttpServerRequest request, int status, String title, String message) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><main><h1>" + title + "</h1><p>" + message + "</p></main></body></html>";
        request.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
