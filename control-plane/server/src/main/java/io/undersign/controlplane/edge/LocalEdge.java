package io.undersign.controlplane.edge;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.undersign.controlplane.tenant.TlsPolicies;
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
 * hosts no tenant holds. Interview hosts never pass integrator API paths (those need the api.
 * host and its mutual TLS), whichever face they arrive on.
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

    @Inject
    EdgeCertificates certificates;

    /** Which face of the edge a request came in on. */
    enum Listener { PLAIN, INTERVIEW_TLS, API_MTLS }

    private final java.util.List<HttpServer> servers = new java.util.ArrayList<>();
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
        listen(new HttpServerOptions(), config.edge().port(), proxy, Listener.PLAIN);
        certificates.platformCa(); // made once, before any handshake needs it
        HttpServerOptions tls = new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(new SniKeyManager(routes, certificates)))
                .setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(TlsPolicies.widest().protocols()));
        TlsPolicies.widest().cipherSuites().forEach(tls::addEnabledCipherSuite);
        listen(tls, config.edge().tlsPort(), proxy, Listener.INTERVIEW_TLS);
        HttpServerOptions mtls = new HttpServerOptions(tls).setClientAuth(ClientAuth.REQUIRED)
                .setTrustOptions(TrustOptions.wrap(new TenantClientTrust(certificates)));
        listen(mtls, config.edge().apiTlsPort(), proxy, Listener.API_MTLS);
        LOG.infof("Local edge listening on http://%s:%d, https (interview) :%d, https with client certificates (api) :%d",
                config.edge().host(), config.edge().port(), config.edge().tlsPort(), config.edge().apiTlsPort());
    }

    private void listen(HttpServerOptions options, int port, HttpProxy proxy, Listener listener) throws Exception {
        HttpServer listening = vertx.createHttpServer(options).requestHandler(request -> handle(request, proxy, listener));
        listening.listen(port, config.edge().host()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        servers.add(listening);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        servers.forEach(HttpServer::close);
    }

    private void handle(HttpServerRequest request, HttpProxy proxy, Listener listener) {
        String host = hostOf(request);
        Optional<RouteTable.Route> route = routes.lookup(host);
        if (route.isEmpty()) {
            page(request, 404, "Not found", "No Undersign service answers at " + escape(host) + ".");
        } else if (listener != Listener.PLAIN && !secureFaceAllows(request, route.get(), listener)) {
            return;
        } else if (listener == Listener.PLAIN && "api".equals(route.get().kind()) && !request.path().startsWith("/q/health")) {
            // the integrator API is served with mutual TLS only; plain HTTP keeps just its health check
            page(request, 403, "Mutual TLS required", "Call this API over https on port " + config.edge().apiTlsPort()
                    + " with a client certificate issued for this service.");
        } else if ("interview".equals(route.get().kind()) && ApiPaths.reachesApi(request.path())) {
            // the interview's doors carry no client certificate: the API must not be reachable through them
            problem(request, 403, "Mutual TLS required", "The integrator API is served at https://api." + host + ":"
                    + config.edge().apiTlsPort() + " with a client certificate issued for this service.");
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

    /**
     * On the TLS faces: the host must belong to that face, the negotiated protocol to the tenant's
     * policy, and on the API face the client certificate to this tenant's CA and not be revoked.
     */
    private boolean secureFaceAllows(HttpServerRequest request, RouteTable.Route route, Listener listener) {
        String expectedKind = listener == Listener.API_MTLS ? "api" : "interview";
        if (!expectedKind.equals(route.kind())) {
            page(request, 421, "Wrong address", "This host is not served on this port.");
            return false;
        }
        javax.net.ssl.SSLSession session = request.connection().sslSession();
        if (session == null || !TlsPolicies.of(route.tlsPolicy()).protocols().contains(session.getProtocol())) {
            request.connection().close();
            return false;
        }
        if (listener == Listener.API_MTLS) {
            String refusal = clientCertificateRefusal(request, route.tenantId());
            if (refusal != null) {
                page(request, 403, "Client certificate refused", refusal);
                return false;
            }
        }
        return true;
    }

    private String clientCertificateRefusal(HttpServerRequest request, String tenantId) {
        try {
            java.util.List<java.security.cert.Certificate> peer = request.connection().peerCertificates();
            if (peer == null || peer.isEmpty() || !(peer.get(0) instanceof java.security.cert.X509Certificate leaf)) {
                return "A client certificate is required.";
            }
            EdgeCertificates.Snapshot known = certificates.current();
            if (!tenantId.equals(known.tenantByCaSubject().get(leaf.getIssuerX500Principal()))) {
                return "This client certificate was not issued for this service.";
            }
            if (known.revokedSerials().contains(leaf.getSerialNumber().toString(16))) {
                return "This client certificate has been revoked.";
            }
            return null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return "A client certificate is required.";
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

    private static void problem(HttpServerRequest request, int status, String title, String detail) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail);
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
