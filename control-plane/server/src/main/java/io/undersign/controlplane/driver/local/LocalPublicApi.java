package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.PublicApi;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.TenantPki;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The tenant's public hosts through the local edge: its address, the host names as Host and SNI
 * (Java cannot resolve *.localhost), the platform CA as the only trust, and for the api. host a
 * client certificate from the tenant's CA valid for a few minutes.
 */
@ApplicationScoped
@Typed(LocalPublicApi.class)
public class LocalPublicApi implements PublicApi {
    private static final Duration CERTIFICATE_LIFE = Duration.ofMinutes(10);

    @Inject
    Vertx vertx;

    @Inject
    UndersignConfig config;

    @Inject
    TenantPki pki;

    @Override
    public Answer health(TenantSpec tenant) throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            return send(client, new RequestOptions().setMethod(HttpMethod.GET)
                    .setServer(SocketAddress.inetSocketAddress(config.edge().port(), config.edge().host()))
                    .setHost(tenant.interviewHost()).setPort(config.edge().port()).setURI("/q/health/ready").setTimeout(5000), null);
        } finally {
            client.close();
        }
    }

    @Override
    public Answer call(TenantSpec tenant, String method, String path, String jsonBody) throws Exception {
        Certificates.Issued caller = pki.probeCertificate(tenant.id(), CERTIFICATE_LIFE);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setForceSni(true).setVerifyHost(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pki.platformCa().certificatePem())))
                .setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(caller.certificatePem()))
                        .addKeyValue(Buffer.buffer(caller.keyPem()))));
        try {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method))
                    .setServer(SocketAddress.inetSocketAddress(config.edge().apiTlsPort(), config.edge().host()))
                    .setHost(tenant.apiHost()).setPort(config.edge().apiTlsPort()).setURI(path).setTimeout(10000);
            if (jsonBody != null) {
                options.putHeader("Content-Type", "application/json");
            }
            return send(client, options, jsonBody);
        } finally {
            client.close();
        }
    }

    private static Answer send(HttpClient client, RequestOptions options, String body) throws Exception {
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString())))
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
