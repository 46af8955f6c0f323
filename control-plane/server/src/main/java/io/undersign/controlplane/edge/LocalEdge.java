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
import io.vertx.core.http.HttpServerResponse;
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
    /** The runtime's own limit (quarkus.http.limits.max-body-size of tenant-runtime/app). */
    static final long MAX_BODY_BYTES = 256 * 1024;

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
        EdgeTlsDefaults.require();
        routes.reload();
        timer = vertx.setPeriodic(RELOAD_MS, id -> vertx.executeBlocking(() -> {
            routes.reload();
            return null;
        }, false));
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64).setKeepAlive(true)))
                .originSelector(this::origin);
        proxy.addInterceptor(new RuntimeUnavailable(routes));
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
        RouteTable.Route route = routes.lookup(host).orElse(null);
        HttpServerResponse response = request.response();
        if (listener != Listener.PLAIN) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (route == null) {
            EdgePages.page(response, 404, EdgePages.Brand.PLATFORM, "Not found", "No Undersign service answers at " + host + ".");
        } else if (listener != Listener.PLAIN && !secureFaceAllows(request, route, listener)) {
            return;
        } else if (listener == Listener.PLAIN && !request.path().startsWith("/q/health")) {
            plainHttp(request, route);
        } else if ("interview".equals(route.kind()) && ApiPaths.reachesApi(request.path())) {
            // the interview's doors carry no client certificate: the API must not be reachable through them
            EdgePages.problem(response, 403, "mutual-tls-required", "Mutual TLS required", "The integrator API is served at https://api."
                    + host + ":" + config.edge().apiTlsPort() + " with a client certificate issued for this service.", null);
        } else if (route.suspended()) {
            response.putHeader("Retry-After", "3600");
            EdgePages.refuse(response, route, 503, "suspended", "Service suspended",
                    "This service is suspended for now. Please try again later or contact your insurer.");
        } else if (route.runtimePort() == null) {
            response.putHeader("Retry-After", "5");
            EdgePages.refuse(response, route, 503, "runtime-unavailable", RuntimeUnavailable.TITLE, RuntimeUnavailable.DETAIL);
        } else if (tooLarge(request)) {
            response.putHeader("Connection", "close");
            EdgePages.refuse(response, route, 413, "body-too-large", "Content Too Large",
                    "The request body is larger than the " + MAX_BODY_BYTES / 1024 + " KiB this service accepts.");
        } else {
            // the runtime sets its own security headers, HSTS included: no second copy from here
            response.headers().remove("Strict-Transport-Security");
            response.putHeader("X-Undersign-Tenant", route.tenantId());
            proxy.handle(request);
        }
    }

    /**
     * Plain HTTP carries no secrets: interview hosts redirect to https (308 keeps a form's method),
     * api. hosts refuse; both keep their health check for load-balancer probes.
     */
    private void plainHttp(HttpServerRequest request, RouteTable.Route route) {
        if ("api".equals(route.kind())) {
            EdgePages.problem(request.response(), 403, "mutual-tls-required", "Mutual TLS required", "Call this API over https on port "
                    + config.edge().apiTlsPort() + " with a client certificate issued for this service.", null);
            return;
        }
        String target = "https://" + hostOf(request) + ":" + config.edge().tlsPort() + request.uri();
        EdgePages.safeHeaders(request.response()).setStatusCode(308).putHeader("Location", target).end();
    }

    /** The runtime takes 256 KiB; a larger declared body is refused here rather than cut off mid-stream. */
    private static boolean tooLarge(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length != null && Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * On the TLS faces: the host must be the one the client named in its handshake (else 421, as
     * a shared certificate must not let one tenant's name reach another), belong to that face,
     * the negotiated protocol to the tenant's policy, and on the API face the client certificate
     * to this tenant's CA and not be revoked.
     */
    private boolean secureFaceAllows(HttpServerRequest request, RouteTable.Route route, Listener listener) {
        javax.net.ssl.SSLSession session = request.connection().sslSession();
        if (!hostOf(request).equals(serverNameOf(session))) {
            // in the platform's name: the page must not tell this connection whose the other host is
            EdgePages.refuse(request.response(), "api".equals(route.kind()) ? route : null, 421, "misdirected-request",
                    "Misdirected request", "This connection was opened for another host name; open a new one to that host.");
            return false;
        }
        String expectedKind = listener == Listener.API_MTLS ? "api" : "interview";
        if (!expectedKind.equals(route.kind())) {
            EdgePages.refuse(request.response(), route, 421, "misdirected-request", "Wrong address", "This host is not served on this port.");
            return false;
        }
        if (session == null || !TlsPolicies.of(route.tlsPolicy()).protocols().contains(session.getProtocol())) {
            request.connection().close();
            return false;
        }
        if (listener == Listener.API_MTLS) {
            String refusal = clientCertificateRefusal(request, route.tenantId());
            if (refusal != null) {
                EdgePages.problem(request.response(), 403, "client-certificate-refused", "Client certificate refused", refusal, null);
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

    /** The host name the client asked for in its TLS handshake (SNI), lower case; null without one. */
    private static String serverNameOf(javax.net.ssl.SSLSession session) {
        if (session instanceof javax.net.ssl.ExtendedSSLSession extended) {
            for (javax.net.ssl.SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof javax.net.ssl.SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** The requested host without port: Host on HTTP/1.1, :authority on HTTP/2. */
    private static String hostOf(HttpServerRequest request) {
        return request.authority() == null ? "" : request.authority().host().toLowerCase(Locale.ROOT);
    }
}
