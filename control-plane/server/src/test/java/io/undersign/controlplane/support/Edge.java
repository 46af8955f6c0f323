package io.undersign.controlplane.support;

import io.undersign.controlplane.pki.TenantPki;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Calls the local edge as a browser would call {@code https://<host>/}: Java cannot resolve
 * {@code *.localhost}, so it connects to 127.0.0.1, names the host in the handshake (SNI) and the
 * Host header, and checks the edge's certificate against the platform CA and the host name.
 * Interview hosts are called over TLS (plain HTTP only redirects there); api. hosts over plain
 * HTTP, where only their health check answers (the API itself needs {@link MtlsClient}).
 */
public final class Edge {
    public static final int PORT = 18088;
    public static final int TLS_PORT = 18443;
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Edge() {
    }

    /** A client for one host: TLS with SNI for interview hosts, plain HTTP for api. hosts. Never follows redirects. */
    public static HttpClient client(String host) {
        return host.startsWith("api.") ? PLAIN : CLIENTS.computeIfAbsent(host, Edge::tlsClient);
    }

    public static URI uri(String host, String path) {
        return URI.create(host.startsWith("api.") ? "http://127.0.0.1:" + PORT + path : "https://127.0.0.1:" + TLS_PORT + path);
    }

    /** A JSON request through the edge; {@code body} may be null; headers as name, value pairs. */
    public static HttpResponse<String> send(String host, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(host, path))
                .header("Host", host)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client(host).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(host, path)).header("Host", host).timeout(Duration.ofSeconds(10)).build();
        return client(host).send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Plain HTTP to the edge, whatever the host (to see what plain HTTP answers). */
    public static HttpResponse<String> plainGet(String host, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).header("Host", host)
                .timeout(Duration.ofSeconds(10)).build();
        return PLAIN.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The platform CA that signs the edge's server certificates. */
    public static X509Certificate platformCa() {
        return CDI.current().select(TenantPki.class).get().platformCa().certificate();
    }

    private static HttpClient tlsClient(String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EdgeServerTrust(platformCa(), host)}, null);
            SSLParameters parameters = new SSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .sslContext(context).sslParameters(parameters).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts a server certificate the platform CA signed for {@code host} (the URI holds 127.0.0.1, so Java's own check cannot). */
    private static final class EdgeServerTrust extends X509ExtendedTrustManager {
        private final X509Certificate ca;
        private final String host;

        EdgeServerTrust(X509Certificate ca, String host) {
            this.ca = ca;
            this.host = host;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                chain[0].verify(ca.getPublicKey());
                chain[0].checkValidity();
                boolean named = chain[0].getSubjectAlternativeNames() != null && chain[0].getSubjectAlternativeNames().stream()
                        .anyMatch(san -> host.equals(san.get(1)));
                if (!named) {
                    throw new CertificateException("certificate is not for " + host);
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server trust only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("server trust only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("server trust only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {ca};
        }
    }
}
