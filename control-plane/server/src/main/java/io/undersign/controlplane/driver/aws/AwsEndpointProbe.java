package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.PublicEndpointProbe;
import io.undersign.controlplane.tenant.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Verifies an AWS silo through its public names: the interview (ALB) and the API (NLB). */
@ApplicationScoped
@Typed(AwsEndpointProbe.class)
public class AwsEndpointProbe implements PublicEndpointProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    UndersignConfig config;

    @Override
    public Map<String, String> verify(TenantSpec tenant) throws Exception {
        HttpsProbe probe = new HttpsProbe(http, HttpsProbe::publicPing, config.aws().dnsPollInterval(), config.aws().verifyGrace());
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String host : new String[] {tenant.interviewHost(), tenant.apiHost()}) {
            outputs.put(host, probe.awaitHealthy(host));
        }
        return outputs;
    }
}
