package io.undersign.controlplane.tenant;

/** Lifecycle actions an operator can ask of an existing tenant. */
public enum TenantAction {
    SUSPEND("suspend"), RESUME("resume"), RETRY("retry"), OFFBOARD("offboard");

    public final String path;

    TenantAction(String path) {
        this.path = path;
    }
}
