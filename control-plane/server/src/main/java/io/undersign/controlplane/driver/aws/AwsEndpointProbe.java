package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.PublicEndpointProbe;
import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.ClientTlsContexts;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies an AWS silo through its public names: the interview (ALB), and the API (NLB) with a
 * short-lived client certificate from the tenant's CA, since its listener admits no one without.
 */
@ApplicationScoped
@Typed(AwsEndpointProbe.class)
public class AwsEndpointProbe implements PublicEndpointProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    UndersignConfig config;

    @Inject
    TenantPki pki;

    @Override
    public Map<String, String> verify(TenantSpec tenant) throws Exception {
        Duration grace = config.aws().verifyGrace();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(tenant.interviewHost(), probe(http, grace).awaitHealthy(tenant.interviewHost()));
        Certificates.Issued caller = pki.probeCertificate(tenant.id(), grace.plusMinutes(10));
        HttpClient withCertificate = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(ClientTlsContexts.presenting(caller)).build();
        outputs.put(tenant.apiHost(), probe(withCertificate, grace).awaitHealthy(tenant.apiHost()));
        return outputs;
    }

    private HttpsProbe probe(HttpClient client, Duration grace) {
        return new HttpsProbe(client, HttpsProbe::publicPing, config.aws().dnsPollInterval(), grace);
    }
}
