package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.driver.PublicApi;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.pki.TenantPki;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;

/**
 * An AWS tenant's public hosts as its users reach them: public DNS and the ACM certificate, and
 * on the api. host (the NLB in mutual TLS verify mode) a client certificate from the tenant's own
 * CA valid for a few minutes, never an integrator's.
 */
@ApplicationScoped
@Typed(AwsPublicApi.class)
public class AwsPublicApi implements PublicApi {
    private static final Duration CERTIFICATE_LIFE = Duration.ofMinutes(10);

    @Inject
    TenantPki pki;

    private final PublicHosts hosts = new PublicHosts(host -> URI.create("https://" + host));

    @Override
    public Answer health(TenantSpec tenant) throws Exception {
        return hosts.get(tenant.interviewHost(), "/q/health/ready");
    }

    @Override
    public Answer call(TenantSpec tenant, String method, String path, String jsonBody) throws Exception {
        return hosts.call(tenant.apiHost(), pki.probeCertificate(tenant.id(), CERTIFICATE_LIFE), method, path, jsonBody);
    }
}
