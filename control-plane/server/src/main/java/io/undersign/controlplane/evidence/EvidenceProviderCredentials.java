package io.undersign.controlplane.evidence;

import io.undersign.contract.EvidenceQueues;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.broker.BrokerAccounts;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.secret.Passwords;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Broker credentials for a tenant's evidence provider: read its requests, write its results,
 * nothing else. Issuing again rotates the password (the old one stops working); the password is
 * shown once and kept only as a hash.
 */
@ApplicationScoped
public class EvidenceProviderCredentials {

    /** What a provider needs to speak the evidence contract for one tenant. */
    public record Issued(String tenantId, String brokerUrl, String username, String password, String requestsQueue,
            String resultsQueue) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    BrokerAccounts accounts;

    @Inject
    UndersignConfig config;

    @Transactional
    public Issued issue(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        if (tenant.status != TenantStatus.ACTIVE && tenant.status != TenantStatus.SUSPENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "id",
                    "Tenant '" + tenantId + "' is " + tenant.status + "; evidence providers are connected to active tenants");
        }
        String username = TenantNames.evidenceProviderUser(tenantId);
        String password = Passwords.generate();
        accounts.ensure(username, tenantId, BrokerAccounts.PROVIDER, password);
        EvidenceQueues queues = EvidenceQueues.of(tenantId);
        return new Issued(tenantId, config.broker().clientUrl(), username, password, queues.requests(), queues.results());
    }
}
