package io.undersign.controlplane.api;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling and which request this is, for audit records and error bodies. */
@RequestScoped
public class CallContext {
    private String requestId = "internal";
    private String tenantId;

    public String requestId() {
        return requestId;
    }

    void requestId(String requestId) {
        this.requestId = requestId;
    }

    /** The tenant the current request acts on, once known (set by services for the audit trail). */
    public String tenantId() {
        return tenantId;
    }

    public void tenantId(String tenantId) {
        this.tenantId = tenantId;
    }
}
