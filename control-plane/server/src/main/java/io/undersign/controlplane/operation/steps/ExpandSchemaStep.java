package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.release.ReleaseService;
import io.undersign.controlplane.schema.TenantSchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** An upgrade's first step: the tenant's schema up to the release's version, while the runtime it has keeps serving. */
@ApplicationScoped
public class ExpandSchemaStep implements StepHandler {
    @Inject
    TenantSchemaMigrator migrator;

    @Inject
    ReleaseService releases;

    @Override
    public String name() {
        return StepNames.EXPAND_SCHEMA;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) {
        return migrator.migrate(tenant, releases.require(tenant.release()).schemaVersion);
    }
}
