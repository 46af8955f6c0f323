package io.undersign.controlplane.pki;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.driver.ClientTrust;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Issues, lists and revokes client certificates from a tenant's own CA. */
@ApplicationScoped
public class ClientCertificates implements PanacheRepositoryBase<ClientCertificate, String> {
    private static final Duration VALIDITY = Duration.ofDays(365);

    /** A new certificate and its key (shown once), with the CAs a client needs ({@code edgeCaPem}: none when public). */
    public record Issued(String serial, String tenantId, String name, java.time.Instant notAfter, String certificatePem,
            String privateKeyPem, String clientCaPem, @Schema(nullable = true) String edgeCaPem) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    TenantPki pki;

    @Inject
    ClientTrust trust;

    @Inject
    Clock clock;

    @Transactional
    public Issued issue(String tenantId, String name) {
        Tenant tenant = tenants.require(tenantId);
        if (tenant.status != TenantStatus.ACTIVE && tenant.status != TenantStatus.SUSPENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "id",
                    "Tenant '" + tenantId + "' is " + tenant.status + "; certificates are issued to active tenants");
        }
        Certificates.Issued ca = pki.clientCa(tenantId);
        Certificates.Issued cert = Certificates.client(ca, name, VALIDITY);
        ClientCertificate row = new ClientCertificate();
        row.serial = cert.serial();
        row.tenantId = tenantId;
        row.name = name;
        row.notAfter = cert.certificate().getNotAfter().toInstant();
        row.createdAt = clock.instant();
        persist(row);
        return new Issued(row.serial, tenantId, name, row.notAfter, cert.certificatePem(), cert.keyPem(), ca.certificatePem(),
                trust.serverCaPem().orElse(null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientCertificate> list(String tenantId) {
        tenants.require(tenantId);
        return list("tenantId = ?1 order by createdAt", tenantId);
    }

    @Transactional
    public ClientCertificate revoke(String tenantId, String serial) {
        ClientCertificate row = find("tenantId = ?1 and serial = ?2", tenantId, serial).firstResultOptional()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "certificate-not-found", "serial",
                        "Tenant '" + tenantId + "' has no certificate " + serial));
        if (row.revokedAt == null) {
            row.revokedAt = clock.instant();
        }
        return row;
    }

    /** Every revoked certificate of the tenant (hex serial) with when it was revoked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, java.time.Instant> revoked(String tenantId) {
        java.util.Map<String, java.time.Instant> revoked = new java.util.TreeMap<>();
        list("tenantId = ?1 and revokedAt is not null", tenantId).forEach(c -> revoked.put(c.serial, c.revokedAt));
        return revoked;
    }

    /** The serials of every revoked certificate, of all tenants (the edge refuses them). */
    @Transactional
    public java.util.Set<String> revokedSerials() {
        return new java.util.HashSet<>(getEntityManager()
                .createQuery("select c.serial from ClientCertificate c where c.revokedAt is not null", String.class).getResultList());
    }
}
