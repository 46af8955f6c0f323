package io.undersign.controlplane.tenant;

import io.undersign.controlplane.api.DomainException;

public class IllegalTransitionException extends DomainException {
    public IllegalTransitionException(String tenantId, TenantStatus from, TenantStatus to) {
        super(Kind.CONFLICT, "illegal-transition", "status",
                "Tenant '" + tenantId + "' is " + from + " and cannot become " + to);
    }

    public IllegalTransitionException(String tenantId, TenantStatus from, String action) {
        super(Kind.CONFLICT, "illegal-transition", "status",
                "Tenant '" + tenantId + "' is " + from + "; " + action + " is not allowed from that state");
    }
}
