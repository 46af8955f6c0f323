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

    @Inject
    io.undersign.controlplane.driver.TenantRootKeys rootKeys;

    public Map<String, String> migrate(TenantSpec tenant) {
        return migrate(tenant, null);
    }

    /** Up to {@code target} (a release's schema version; null: the newest), never down: Flyway does not undo. */
    public Map<String, String> migrate(TenantSpec tenant, String target) {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        try {
            provisioner.ensureKeyDatabase(tenant);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the tenant's key database: " + e.getMessage(), e);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TenantFlyway.Outcome outcome = new TenantFlyway(connection.jdbcUrl(), connection.migrationUser(),
                connection.migrationPassword(), loader, target).migrate();
        String keyDatabase = io.undersign.controlplane.tenant.TenantNames.keyDatabase(tenant.id());
        TenantFlyway.Outcome keys = TenantFlyway.keyStore(connection.jdbcUrl(), connection.migrationUser(), connection.migrationPassword(),
                loader, keyDatabase).migrate();
        // the tenant's keysets, wrapped by its root key: made once, found again by every later migration
        int keyCount;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(connection.jdbcUrl(), connection.migrationUser(),
                connection.migrationPassword())) {
            keyCount = io.undersign.privacy.TenantKeyring.ensure(c, rootKeys.aead(tenant),
                    new io.undersign.privacy.KeyStore(tenant.id(), keyDatabase)).keyCount();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the tenant's keyring: " + e.getMessage(), e);
        }
        // every migration may add tables: the runtime's rights follow, the audit trail's stay append-only
        try {
            provisioner.appendOnlyAudit(tenant);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the runtime's rights after migrating: " + e.getMessage(), e);
        }
        return Map.of("schemaVersion", outcome.schemaVersion(), "keySchemaVersion", keys.schemaVersion(),
                "keyEncryptionKeys", String.valueOf(keyCount),
                "migrationsApplied", String.valueOf(outcome.applied()),
                "failedAttemptsCleared", String.valueOf(outcome.failedAttemptsCleared()));
    }
}
