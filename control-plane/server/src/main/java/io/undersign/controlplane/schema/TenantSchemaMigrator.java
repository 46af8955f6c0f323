package io.undersign.controlplane.schema;

import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Applies {@code db/tenant} to a tenant's database, connecting as the tenant's migrations user:
 * schema rights on that database alone (the runtime's user has none). Re-runs are no-ops, and a
 * run after one that was killed part-way completes it ({@link TenantFlyway}).
 */
@ApplicationScoped
public class TenantSchemaMigrator {
    @Inject
    StackProvisioner provisioner;

    public Map<String, String> migrate(TenantSpec tenant) {
        return migrate(tenant, null);
    }

    /** Up to {@code target} (a release's schema version; null: the newest), never down: Flyway does not undo. */
    public Map<String, String> migrate(TenantSpec tenant, String target) {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        TenantFlyway.Outcome outcome = new TenantFlyway(connection.jdbcUrl(), connection.migrationUser(),
                connection.migrationPassword(), Thread.currentThread().getContextClassLoader(), target).migrate();
        // every migration may add tables: the runtime's rights follow, the audit trail's stay append-only
        try {
            provisioner.appendOnlyAudit(tenant);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the runtime's rights after migrating: " + e.getMessage(), e);
        }
        return Map.of("schemaVersion", outcome.schemaVersion(),
                "migrationsApplied", String.valueOf(outcome.applied()),
                "failedAttemptsCleared", String.valueOf(outcome.failedAttemptsCleared()));
    }
}
