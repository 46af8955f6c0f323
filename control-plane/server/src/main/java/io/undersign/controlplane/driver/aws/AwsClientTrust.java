package io.undersign.controlplane.driver.aws;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.ClientTrust;
import io.undersign.controlplane.pki.ClientCertificates;
import io.undersign.controlplane.pki.RevocationLists;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Client certificates on AWS are checked by the tenant's API load balancer (mutual TLS, verify
 * mode) against a trust store made from the tenant's client CA; revocations reach it as a CRL
 * signed by that CA. This puts both where the trust store reads them.
 */
@ApplicationScoped
@Typed(AwsClientTrust.class)
public class AwsClientTrust implements ClientTrust {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    TenantPki pki;

    @Inject
    ClientCertificates certificates;

    @Inject
    TenantRepository tenants;

    @Inject
    SiloOutputs stacks;

    @Inject
    Clock clock;

    /** Before the silo stack is applied: the CA its trust store is made from. */
    public String publishClientCa(String tenantId, String region) {
        return files(region).putClientCa(tenantId, pki.clientCa(tenantId).certificatePem());
    }

    @Override
    public void publishRevocations(String tenantId) {
        String region = QuarkusTransaction.requiringNew().call(() -> tenants.require(tenantId).region);
        publishRevocations(tenantId, region);
    }

    void publishRevocations(String tenantId, String region) {
        Map<String, Instant> revoked = QuarkusTransaction.requiringNew().call(() -> certificates.revoked(tenantId));
        Instant now = clock.instant();
        Optional<String> list = revoked.isEmpty() ? Optional.empty()
                : Optional.of(RevocationLists.of(pki.clientCa(tenantId), revoked, now, now.toEpochMilli()));
        String trustStore = stacks.of(tenantId).text("trust_store_arn");
        new TrustStoreRevocations(clients.regional(region).loadBalancing(), files(region))
                .replace(trustStore, tenantId, list, now.toEpochMilli());
    }

    /** The API's certificate comes from ACM, which clients trust already. */
    @Override
    public Optional<String> serverCaPem() {
        return Optional.empty();
    }

    /** Offboarding, once the trust store is gone: the tenant's CA (its key too, as locally) and lists. */
    public int forget(String tenantId, String region) {
        int deleted = files(region).deleteTenant(tenantId);
        pki.forget(tenantId);
        return deleted;
    }

    /** The trust-store bucket of a region (it must be in the silo's region for the load balancer to read it). */
    public String bucket(String region) {
        return config.aws().trustStoreBucket()
                .orElseThrow(() -> new IllegalStateException("undersign.aws.trust-store-bucket is not set")).replace("{region}", region);
    }

    private ClientTrustFiles files(String region) {
        return new ClientTrustFiles(clients.s3(region), bucket(region));
    }
}
