package io.undersign.controlplane.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantRootKeys;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import io.undersign.privacy.CaseErasure;
import io.undersign.privacy.ErasureReceipt;
import io.undersign.privacy.KeyStore;
import io.undersign.privacy.SubjectAccess;
import io.undersign.privacy.TenantKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's side of a tenant's health-data privacy, straight on the tenant's databases (as its
 * migrations user, like audit verification; the runtime takes no part): erasure of a case,
 * subject access, the keyring and its rotation. The same code as the runtime's API runs the work.
 */
@ApplicationScoped
public class TenantPrivacy {
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** The tenant's keys as they stand (never a secret). */
    public record KeysView(String tenantId, int keyEncryptionKeys, int primaryKeyId, String receiptPublicKeyset) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    StackProvisioner provisioner;

    @Inject
    TenantRootKeys rootKeys;

    @Inject
    Clock clock;

    @Inject
    RetentionRules retention;

    /** What a retention check found: every case kept past its class's retention (none: the tenant keeps nothing too long). */
    public record RetentionCheck(String tenantId, java.time.Instant checkedAt, Map<String, Integer> retentionMonths,
            List<io.undersign.privacy.Retention.Overdue> overdue) {
    }

    /** What enforcing retention did: each case erased, with its receipt. */
    public record RetentionEnforced(String tenantId, java.time.Instant ranAt, List<Erased> erased) {
    }

    public record Erased(String caseId, String dataClass, String receiptId) {
    }

    public RetentionCheck retentionCheck(String tenantId) {
        Map<String, Integer> rules = retention.of(tenantId);
        java.time.Instant now = clock.instant();
        return inTransaction(tenantId, true, (c, ring) -> new RetentionCheck(tenantId, now, rules,
                io.undersign.privacy.Retention.overdue(c, rules, now)));
    }

    /** Erases every case past its retention, each in a transaction of its own (a crash leaves the rest for the next run). */
    public RetentionEnforced enforceRetention(String tenantId) {
        List<Erased> erased = new java.util.ArrayList<>();
        for (io.undersign.privacy.Retention.Overdue o : retentionCheck(tenantId).overdue()) {
            String reason = "retention: " + o.dataClass() + " applications are kept " + o.retentionMonths() + " months after their last change";
            ErasureReceipt.Signed receipt = inTransaction(tenantId, false,
                    (c, ring) -> CaseErasure.erase(c, ring, o.caseId(), reason, "retention", clock.instant())).orElse(null);
            if (receipt != null) {
                erased.add(new Erased(o.caseId(), o.dataClass(), receipt.receipt().receiptId()));
            }
        }
        return new RetentionEnforced(tenantId, clock.instant(), erased);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c, TenantKeyring ring) throws SQLException;
    }

    public ErasureReceipt.Signed erase(String tenantId, String caseId, String reason, String operator) {
        requireCaseId(caseId);
        return inTransaction(tenantId, false, (c, ring) -> CaseErasure.erase(c, ring, caseId, reason, operator, clock.instant()))
                .orElseThrow(() -> caseNotFound(tenantId, caseId));
    }

    public ObjectNode subjectAccess(String tenantId, String caseId) {
        requireCaseId(caseId);
        return inTransaction(tenantId, true, (c, ring) -> SubjectAccess.of(c, ring, caseId, clock.instant()))
                .orElseThrow(() -> caseNotFound(tenantId, caseId));
    }

    public KeysView keys(String tenantId) {
        return inTransaction(tenantId, true, (c, ring) -> view(tenantId, ring));
    }

    /** A new primary key-encryption key; runtimes take it up the next time they meet a data key wrapped by it. */
    public KeysView rotate(String tenantId) {
        Tenant tenant = usable(tenantId);
        try (Connection c = connect(tenant)) {
            return view(tenantId, TenantKeyring.rotate(c, rootKeys.aead(tenant.spec()), store(tenantId), clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rotate tenant " + tenantId + "'s keys: " + e.getMessage(), e);
        }
    }

    private static KeysView view(String tenantId, TenantKeyring ring) {
        return new KeysView(tenantId, ring.keyCount(), ring.primaryKeyId(), ring.receiptPublicKeyset());
    }

    /** One transaction on the tenant's data database, the keyring loaded in it. */
    <T> T inTransaction(String tenantId, boolean readOnly, Work<T> work) {
        Tenant tenant = usable(tenantId);
        try (Connection c = connect(tenant)) {
            c.setAutoCommit(false);
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                TenantKeyring ring = TenantKeyring.load(c, rootKeys.aead(tenant.spec()), store(tenantId)).orElseThrow(() -> new DomainException(
                        DomainException.Kind.CONFLICT, "no-keyring", "id", "Tenant '" + tenantId + "' has no keyring yet; it is made when it migrates"));
                T result = work.run(c, ring);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach tenant " + tenantId + "'s database: " + e.getMessage(), e);
        }
    }

    private Tenant usable(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        if (tenant.status != TenantStatus.ACTIVE && tenant.status != TenantStatus.SUSPENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "id",
                    "Tenant '" + tenantId + "' is " + tenant.status + ": its data can be reached once it is active");
        }
        return tenant;
    }

    private Connection connect(Tenant tenant) throws SQLException {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant.spec());
        return DriverManager.getConnection(connection.jdbcUrl(), connection.migrationUser(), connection.migrationPassword());
    }

    private static KeyStore store(String tenantId) {
        return new KeyStore(tenantId, TenantNames.keyDatabase(tenantId));
    }

    private static void requireCaseId(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-case-id", "caseId",
                    "caseId must be a case's 22-character id (letters, digits, - and _)");
        }
    }

    private static DomainException caseNotFound(String tenantId, String caseId) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "case-not-found", "caseId",
                "Tenant '" + tenantId + "' has no case " + caseId);
    }
}
