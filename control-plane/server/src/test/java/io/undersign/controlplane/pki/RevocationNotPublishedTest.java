package io.undersign.controlplane.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.driver.ClientTrust;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A revocation the front door could not take yet: recorded, reported as 502, repeatable. */
class RevocationNotPublishedTest {

    @Test
    void theCallerLearnsTheRevocationIsRecordedButNotYetInForce() {
        ClientCertificate row = new ClientCertificate();
        row.serial = "5f3a";
        row.name = "old-integrator";
        row.revokedAt = Instant.parse("2026-11-29T10:15:30Z");
        int[] published = {0};
        ClientCertificateResource resource = new ClientCertificateResource();
        resource.note = new io.undersign.controlplane.audit.AuditNote();
        resource.certificates = new ClientCertificates() {
            @Override
            public ClientCertificate revoke(String tenantId, String serial) {
                return row;
            }
        };
        resource.trust = trust(() -> {
            published[0]++;
            throw new IllegalStateException("TrustStoreNotFound: The specified trust store does not exist.");
        });

        DomainException refused = catchThrowableOfType(() -> resource.revoke("acme", "5f3a"), DomainException.class);

        assertThat(refused.kind()).isEqualTo(DomainException.Kind.BAD_GATEWAY);
        assertThat(refused.kind().status).isEqualTo(502);
        assertThat(refused.type()).isEqualTo("revocation-not-published");
        assertThat(refused.field()).isEqualTo("serial");
        assertThat(refused.getMessage()).contains("5f3a is revoked in the registry", "trust store does not exist",
                "repeat the revocation");
        assertThat(published[0]).isEqualTo(1);

        resource.trust = trust(() -> published[0]++);
        assertThat(resource.revoke("acme", "5f3a").revokedAt()).isEqualTo(row.revokedAt);
        assertThat(published[0]).as("repeating publishes again").isEqualTo(2);
    }

    /** A front door whose publishing does {@code publish}. */
    private static ClientTrust trust(Runnable publish) {
        return new ClientTrust() {
            @Override
            public void publishRevocations(String tenantId) {
                publish.run();
            }

            @Override
            public Optional<String> serverCaPem() {
                return Optional.empty();
            }
        };
    }
}
