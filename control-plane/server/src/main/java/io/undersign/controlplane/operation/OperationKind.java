package io.undersign.controlplane.operation;

import io.undersign.controlplane.tenant.TenantStatus;
import java.util.List;

/**
 * The long actions on a tenant: the steps each runs, in order, the tenant status while it runs
 * and the status it leaves behind when it succeeds.
 */
public enum OperationKind {
    ONBOARD(TenantStatus.PROVISIONING, TenantStatus.ACTIVE,
            List.of(StepNames.PROVISION_STACK, StepNames.MIGRATE_SCHEMA, StepNames.REGISTER_DNS,
                    StepNames.DEPLOY_RUNTIME, StepNames.VERIFY)),
    SUSPEND(TenantStatus.SUSPENDED, TenantStatus.SUSPENDED,
            List.of(StepNames.SUSPEND_TRAFFIC, StepNames.STOP_RUNTIME)),
    RESUME(TenantStatus.SUSPENDED, TenantStatus.ACTIVE,
            List.of(StepNames.DEPLOY_RUNTIME, StepNames.RESUME_TRAFFIC, StepNames.VERIFY)),
    OFFBOARD(TenantStatus.OFFBOARDING, TenantStatus.OFFBOARDED,
            List.of(StepNames.SUSPEND_TRAFFIC, StepNames.STOP_RUNTIME, StepNames.EXPORT_DATA,
                    StepNames.DEREGISTER_DNS, StepNames.DESTROY_STACK));

    private final TenantStatus whileRunning;
    private final TenantStatus onSuccess;
    private final List<String> steps;

    OperationKind(TenantStatus whileRunning, TenantStatus onSuccess, List<String> steps) {
        this.whileRunning = whileRunning;
        this.onSuccess = onSuccess;
        this.steps = steps;
    }

    public TenantStatus whileRunning() {
        return whileRunning;
    }

    public TenantStatus onSuccess() {
        return onSuccess;
    }

    public List<String> steps() {
        return steps;
    }
}
