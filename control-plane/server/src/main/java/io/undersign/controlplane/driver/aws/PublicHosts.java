package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.driver.PublicApi.Answer;
import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.ClientTlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS calls to public host names: anonymous, or presenting a client certificate. Trusts the
 * JDK's CAs (ACM certificates chain to them), or only {@code trusted} (a stand-in in tests).
 */
public final class PublicHosts {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final Function<String, URI> origin;
    private final X509Certificate[] trusted;
    private final HttpClient anonymous;

    /** {@code origin}: where a host name is reached ({@code https://<host>} in production). */
    public PublicHosts(Function<String, URI> origin, X509Certificate... trusted) {
        this.origin = origin;
        this.trusted = trusted;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (trusted.length > 0) {
            builder.sslContext(trustingOnly(trusted));
        }
        this.anonymous = builder.build();
    }

    public Answer get(String host, String path) throws Exception {
        return send(anonymous, HttpRequest.newBuilder(origin.apply(host).resolve(path)).GET());
    }

    public Answer call(String host, Certificates.Issued caller, String method, String path, String jsonBody) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .sslContext(ClientTlsContexts.presenting(caller, trusted)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.apply(host).resolve(path)).method(method,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return send(client, request);
    }

    private static Answer send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static SSLContext trustingOnly(X509Certificate[] trusted) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.length; i++) {
                trust.setCertificateEntry("trusted-" + i, trusted[i]);
            }
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a TLS client context", e);
        }
    }
}
