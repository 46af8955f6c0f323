package io.undersign.controlplane.driver.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.ClientTlsContexts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verify step's call to an API behind mutual TLS, against a real TLS server that, like the
 * NLB in verify mode, admits only certificates from the tenant's CA.
 */
class MutualTlsProbeTest {
    private static final char[] PASSWORD = "test".toCharArray();

    private final Certificates.Issued serverCa = Certificates.ca("Stand-in public CA", Duration.ofDays(30));
    private final Certificates.Issued tenantCa = Certificates.ca("Undersign acme client CA", Duration.ofDays(30));
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        Certificates.Issued serverCert = Certificates.server(serverCa, List.of("localhost"), Duration.ofDays(30));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverCert.key(), PASSWORD, new Certificate[] {serverCert.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("tenant-ca", tenantCa.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/api/v1/evaluations", exchange -> {
            byte[] asked = exchange.getRequestBody().readAllBytes();
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(asked, java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length());
            exchange.getResponseBody().write(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.close();
        });
        server.createContext("/ping", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCertificateFromTheTenantsCaIsAdmitted() throws Exception {
        Certificates.Issued caller = Certificates.client(tenantCa, "undersign-verify", Duration.ofMinutes(20));
        assertThat(probe(ClientTlsContexts.presenting(caller, serverCa.certificate())).awaitHealthy("localhost")).isEqualTo("healthy");
    }

    @Test
    void withoutOneOrWithAnotherCasTheHandshakeFails() {
        Certificates.Issued stranger = Certificates.client(Certificates.ca("Another tenant's CA", Duration.ofDays(30)), "x",
                Duration.ofMinutes(20));
        assertThatThrownBy(() -> probe(ClientTlsContexts.presenting(stranger, serverCa.certificate())).awaitHealthy("localhost"))
                .hasMessageContaining("unreachable");
    }

    @Test
    void theGatesCallsThroughTheApiHostPresentTheTenantsCertificateAndCarryTheirBody() throws Exception {
        PublicHosts hosts = new PublicHosts(host -> URI.create("https://localhost:" + server.getAddress().getPort()), serverCa.certificate());
        Certificates.Issued caller = Certificates.client(tenantCa, "undersign-gate", Duration.ofMinutes(10));
        var answer = hosts.call("api.uw.acme.undersign.example", caller, "POST", "/api/v1/evaluations", "{\"answers\":{}}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("POST application/json {\"answers\":{}}");
        Certificates.Issued stranger = Certificates.client(Certificates.ca("Another tenant's CA", Duration.ofDays(30)), "x",
                Duration.ofMinutes(10));
        assertThatThrownBy(() -> hosts.call("api.uw.acme.undersign.example", stranger, "POST", "/api/v1/evaluations", "{}"))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> hosts.get("uw.acme.undersign.example", "/ping")).as("no certificate: refused at the handshake")
                .isInstanceOf(java.io.IOException.class);
    }

    private HttpsProbe probe(SSLContext client) {
        HttpClient http = HttpClient.newBuilder().sslContext(client).connectTimeout(Duration.ofSeconds(5)).build();
        return new HttpsProbe(http, host -> URI.create("https://localhost:" + server.getAddress().getPort() + "/ping"),
                Duration.ofMillis(50), Duration.ofMillis(300));
    }
}
