package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.TenantRootKeys;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Offboarding, right after the export: the tenant's root key is scheduled for deletion, so once the
 * waiting period is over no copy of the tenant's data (a backup, a snapshot) opens again, and the
 * export is the only readable copy left.
 */
@ApplicationScoped
public class ScheduleKeyDeletionStep implements StepHandler {
    @Inject
    TenantRootKeys rootKeys;

    @Inject
    UndersignConfig config;

    @Inject
    io.undersign.controlplane.privacy.RetentionRules retention;

    @Override
    public String name() {
        return StepNames.SCHEDULE_KEY_DELETION;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        // the tenant's retention rules go with it (a tenant onboarded later under the same id starts from the defaults)
        retention.forget(tenant.id());
        return rootKeys.scheduleDeletion(tenant, config.privacy().rootKeyDeletionWindow());
    }
}
