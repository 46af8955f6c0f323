package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.schema.TenantSchemaMigrator;

@ApplicationScoped
public class MigrateSchemaStep implements StepHandler {
    @Inject
    TenantSchemaMigrator migrator;

    @Inject
    io.undersign.controlplane.release.ReleaseService releases;

    @Override
    public String name() {
        return StepNames.MIGRATE_SCHEMA;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        // onboarding onto a release: its schema, not the newest (a newer schema may hold a contract step it predates)
        return tenant.release() == null ? migrator.migrate(tenant) : migrator.migrate(tenant, releases.require(tenant.release()).schemaVersion);
    }
}
