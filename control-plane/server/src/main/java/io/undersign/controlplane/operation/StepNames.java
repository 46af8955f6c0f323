package io.undersign.controlplane.operation;

/** Names of workflow steps, as stored and shown to operators. */
public final class StepNames {
    public static final String PROVISION_STACK = "provision-stack";
    public static final String MIGRATE_SCHEMA = "migrate-schema";
    public static final String REGISTER_DNS = "register-dns";
    public static final String REGISTER_IDENTITY = "register-identity";
    public static final String REMOVE_IDENTITY = "remove-identity";
    public static final String SCHEDULE_KEY_DELETION = "schedule-key-deletion";
    public static final String DEPLOY_RUNTIME = "deploy-runtime";
    public static final String VERIFY = "verify";
    public static final String SUSPEND_TRAFFIC = "suspend-traffic";
    public static final String RESUME_TRAFFIC = "resume-traffic";
    public static final String STOP_RUNTIME = "stop-runtime";
    public static final String EXPORT_DATA = "export-data";
    public static final String DEREGISTER_DNS = "deregister-dns";
    public static final String DESTROY_STACK = "destroy-stack";
    public static final String EXPAND_SCHEMA = "expand-schema";
    public static final String START_CANDIDATE = "start-candidate";
    public static final String SWITCH_TRAFFIC = "switch-traffic";
    public static final String GATE = "gate";
    public static final String RETIRE_PREVIOUS = "retire-previous";

    private StepNames() {
    }
}
