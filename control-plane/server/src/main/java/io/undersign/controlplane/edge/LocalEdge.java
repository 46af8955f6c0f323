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
        listen(new HttpServerOptions(), config.edge().port(), proxy, EdgeAccess.Face.PLAIN);
        certificates.platformCa(); // made once, before any handshake needs it
        HttpServerOptions tls = new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(new SniKeyManager(routes, certificates)))
                .setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(TlsPolicies.widest().protocols()));
        TlsPolicies.widest().cipherSuites().forEach(tls::addEnabledCipherSuite);
        listen(tls, config.edge().tlsPort(), proxy, EdgeAccess.Face.INTERVIEW_TLS);
        HttpServerOptions mtls = new HttpServerOptions(tls).setClientAuth(ClientAuth.REQUIRED)
                .setTrustOptions(TrustOptions.wrap(new TenantClientTrust(certificates)));
        listen(mtls, config.edge().apiTlsPort(), proxy, EdgeAccess.Face.API_MTLS);
        LOG.infof("Local edge listening on http://%s:%d, https (interview) :%d, https with client certificates (api) :%d",
                config.edge().host(), config.edge().port(), config.edge().tlsPort(), config.edge().apiTlsPort());
    }

    private void listen(HttpServerOptions options, int port, HttpProxy proxy, EdgeAccess.Face face) throws Exception {
        HttpServer listening = vertx.createHttpServer(options).requestHandler(request -> handle(request, proxy, face));
        listening.listen(port, config.edge().host()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        servers.add(listening);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        servers.forEach(HttpServer::close);
    }

    private void handle(HttpServerRequest request, HttpProxy proxy, EdgeAccess.Face face) {
        String host = hostOf(request);
        RouteTable.Route route = routes.lookup(host).orElse(null);
        HttpServerResponse response = request.response();
        if (face != EdgeAccess.Face.PLAIN) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        EdgeCertificates.Snapshot known = certificates.current();
        EdgeAccess.Decision decision = EdgeAccess.decide(facts(request, face, host), route, known.tenantByCaSubject(),
                known.revokedSerials(), MAX_BODY_BYTES);
        switch (decision.verdict()) {
            case UNKNOWN_HOST -> EdgePages.page(response, 404, EdgePages.Brand.PLATFORM, "Not found", "No Undersign service answers at " + host + ".");
            case UNKNOWN_API_HOST -> EdgePages.problem(response, 404, "unknown-host", "Not found",
                    "No Undersign service answers at " + host + ".", null);
            // in the platform's name: the page must not tell this connection whose the other host is
            case MISDIRECTED -> EdgePages.refuse(response, HostRoutes.API.equals(route.kind()) ? route : null, 421, "misdirected-request",
                    "Misdirected request", "This connection was opened for another host name; open a new one to that host.");
            case WRONG_FACE -> EdgePages.refuse(response, route, 421, "misdirected-request", "Wrong address", "This host is not served on this port.");
            case CLOSE_CONNECTION -> request.connection().close();
            case CLIENT_CERTIFICATE_REFUSED -> EdgePages.problem(response, 403, "client-certificate-refused", "Client certificate refused",
                    decision.detail(), null);
            case PLAIN_API_REFUSED -> EdgePages.problem(response, 403, "mutual-tls-required", "Mutual TLS required",
                    "Call this API over https on port " + config.edge().apiTlsPort() + " with a client certificate issued for this service.", null);
            // 308 keeps a form's method
            case REDIRECT_TO_HTTPS -> EdgePages.safeHeaders(response).setStatusCode(308)
                    .putHeader("Location", "https://" + host + ":" + config.edge().tlsPort() + request.uri()).end();
            // the interview's doors carry no client certificate: the API must not be reachable through them
            case API_PATH_ON_INTERVIEW_HOST -> EdgePages.problem(response, 403, "mutual-tls-required", "Mutual TLS required",
                    "The integrator API is served at https://api." + host + ":" + config.edge().apiTlsPort()
                            + " with a client certificate issued for this service.", null);
            case INTERNAL_PATH -> EdgePages.refuse(response, route, 404, "not-found", "Page not found", "There is nothing at this address.");
            case SUSPENDED -> {
                response.putHeader("Retry-After", "3600");
                EdgePages.refuse(response, route, 503, "suspended", "Service suspended",
                        "This service is suspended for now. Please try again later or contact your insurer.");
            }
            case RUNTIME_DOWN -> {
                response.putHeader("Retry-After", "5");
                EdgePages.refuse(response, route, 503, "runtime-unavailable", RuntimeUnavailable.TITLE, RuntimeUnavailable.DETAIL);
            }
            case TOO_LARGE -> {
                response.putHeader("Connection", "close");
                EdgePages.refuse(response, route, 413, "body-too-large", "Content Too Large",
                        "The request body is larger than the " + MAX_BODY_BYTES / 1024 + " KiB this service accepts.");
            }
            case PROXY -> {
                // the runtime sets its own security headers, HSTS included: no second copy from here
                response.headers().remove("Strict-Transport-Security");
                response.putHeader("X-Undersign-Tenant", route.tenantId());
                proxy.handle(request);
            }
        }
    }

    /** What {@link EdgeAccess} decides on, read off the connection. */
    private static EdgeAccess.Facts facts(HttpServerRequest request, EdgeAccess.Face face, String host) {
        javax.net.ssl.SSLSession session = face == EdgeAccess.Face.PLAIN ? null : request.connection().sslSession();
        return new EdgeAccess.Facts(face, host, serverNameOf(session), session == null ? null : session.getProtocol(), request.path(),
                request.getHeader("Content-Length"), face == EdgeAccess.Face.API_MTLS ? clientCertificate(request) : null);
    }

    private static EdgeAccess.ClientCertificate clientCertificate(HttpServerRequest request) {
        try {
            java.util.List<java.security.cert.Certificate> peer = request.connection().peerCertificates();
            if (peer == null || peer.isEmpty() || !(peer.get(0) instanceof java.security.cert.X509Certificate leaf)) {
                return null;
            }
            return new EdgeAccess.ClientCertificate(leaf.getIssuerX500Principal(), leaf.getSerialNumber().toString(16));
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
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
