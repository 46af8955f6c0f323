package io.undersign.controlplane.operation;

import java.util.List;

/** The long actions on a tenant and the steps each runs, in order (what they mean for the tenant: {@link OperationSubjects}). */
public enum OperationKind {
    ONBOARD(List.of(StepNames.PROVISION_STACK, StepNames.MIGRATE_SCHEMA, StepNames.REGISTER_DNS,
            StepNames.REGISTER_IDENTITY, StepNames.DEPLOY_RUNTIME, StepNames.VERIFY)),
    SUSPEND(List.of(StepNames.SUSPEND_TRAFFIC, StepNames.STOP_RUNTIME)),
    RESUME(List.of(StepNames.DEPLOY_RUNTIME, StepNames.RESUME_TRAFFIC, StepNames.VERIFY)),
    OFFBOARD(List.of(StepNames.SUSPEND_TRAFFIC, StepNames.STOP_RUNTIME, StepNames.EXPORT_DATA,
            StepNames.SCHEDULE_KEY_DELETION, StepNames.DEREGISTER_DNS, StepNames.REMOVE_IDENTITY, StepNames.DESTROY_STACK)),
    /** To another release (a rollback is one too) with no downtime: the new runtime serves only once it passed its gate. */
    UPGRADE(List.of(StepNames.EXPAND_SCHEMA, StepNames.START_CANDIDATE, StepNames.SWITCH_TRAFFIC, StepNames.GATE,
            StepNames.RETIRE_PREVIOUS));

    private final List<String> steps;

    OperationKind(List<String> steps) {
        this.steps = steps;
    }

    public List<String> steps() {
        return steps;
    }
}
