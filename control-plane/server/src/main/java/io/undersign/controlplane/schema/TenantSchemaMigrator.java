package io.undersign.controlplane.schema;

import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies {@code db/tenant} to a tenant's database, connecting as the tenant's migrations user:
 * schema rights on that database alone (the runtime's user has none). Flyway's history table
 * makes re-runs no-ops.
 */
@ApplicationScoped
public class TenantSchemaMigrator {
    static final String LOCATION = "db/tenant";

    @Inject
    StackProvisioner provisioner;

    public Map<String, String> migrate(TenantSpec tenant) {
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Flyway flyway = Flyway.configure(loader)
                .dataSource(connection.jdbcUrl(), connection.migrationUser(), connection.migrationPassword())
                .resourceProvider(new ListedMigrations(LOCATION, loader))
                .locations("classpath:" + LOCATION)
                .cleanDisabled(true)
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        return Map.of("schemaVersion", version, "migrationsApplied", String.valueOf(result.migrationsExecuted));
    }
}
