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

    @Override
    public String name() {
        return StepNames.MIGRATE_SCHEMA;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return migrator.migrate(tenant);
    }
}
