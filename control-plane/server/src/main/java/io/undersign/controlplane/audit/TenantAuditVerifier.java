package io.undersign.controlplane.audit;

import io.undersign.contract.AuditChain;
import io.undersign.contract.AuditVerification;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a tenant's audit trail against its hash chain, read straight from the tenant's database
 * (as the migrations' user; the runtime takes no part): every seal in order, every entry against
 * its seal, the chain head, entries left unsealed, and the point the last verification anchored.
 */
@ApplicationScoped
public class TenantAuditVerifier {
    /** Entries younger than this may not be sealed yet (the runtime seals every second). */
    static final int UNSEALED_GRACE_SECONDS = 60;

    /** What a verification found. */
    public record AuditVerificationResult(String tenantId, boolean intact, long sealedEntries, long headSeq, String headHash,
            List<AuditFinding> problems, Instant verifiedAt) {
    }

    /** One place where the trail does not hold: the seal (0: none) and entry (0: none) and what is wrong there. */
    public record AuditFinding(long seq, long eventId, String what) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    StackProvisioner provisioner;

    @Inject
    AuditAnchors anchors;

    @Inject
    Clock clock;

    public AuditVerificationResult verify(String tenantId) throws SQLException {
        Tenant tenant = tenants.require(tenantId);
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant.spec());
        AuditVerification check = new AuditVerification(tenantId);
        Optional<AuditAnchors.Anchor> anchor = anchors.of(tenantId);
        List<AuditVerification.Problem> anchorProblems = new ArrayList<>();
        long headSeq;
        String headHash;
        try (Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.migrationUser(), connection.migrationPassword())) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            // one snapshot for the whole walk: entries sealed meanwhile do not show as half-done
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement s = c.prepareStatement("SELECT s.seq, s.event_id, s.prev_hash, s.hash, e.id, " + AuditChain.AT_AS_TEXT
                    + ", e.actor, e.action, e.detail FROM audit_seal s LEFT JOIN tenant_audit_event e ON e.id = s.event_id ORDER BY s.seq")) {
                s.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(5);
                        AuditChain.Entry entry = r.wasNull() ? null
                                : new AuditChain.Entry(r.getLong(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9));
                        AuditVerification.Seal seal = new AuditVerification.Seal(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), entry);
                        check.accept(seal);
                        anchor.filter(a -> a.seq() == seal.seq() && !a.hash().equals(seal.hash())).ifPresent(a -> anchorProblems.add(
                                new AuditVerification.Problem(a.seq(), seal.eventId(), "the chain was rewritten since it was verified on "
                                        + a.verifiedAt() + " (seal " + a.seq() + " then had another hash)")));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1"); ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("tenant " + tenantId + " has no audit chain (its schema is older than V6)");
                }
                headSeq = r.getLong(1);
                headHash = r.getString(2);
                check.head(headSeq, headHash);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT e.id FROM tenant_audit_event e LEFT JOIN audit_seal s ON s.event_id = e.id"
                    + " WHERE s.event_id IS NULL AND e.at < NOW() - INTERVAL " + UNSEALED_GRACE_SECONDS + " SECOND ORDER BY e.id")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        check.unsealed(r.getLong(1));
                    }
                }
            }
            c.rollback();
        }
        anchor.filter(a -> a.seq() > headSeq).ifPresent(a -> anchorProblems.add(new AuditVerification.Problem(a.seq(), 0,
                "the chain is shorter than when it was verified on " + a.verifiedAt() + " (it reached seal " + a.seq() + ")")));
        List<AuditVerification.Problem> problems = new ArrayList<>(check.problems());
        problems.addAll(anchorProblems);
        Instant now = clock.instant();
        if (problems.isEmpty() && headSeq > 0) {
            anchors.record(tenantId, headSeq, headHash, now);
        }
        return new AuditVerificationResult(tenantId, problems.isEmpty(), check.checked(), headSeq, headHash,
                problems.stream().map(p -> new AuditFinding(p.seq(), p.eventId(), p.what())).toList(), now);
    }
}
