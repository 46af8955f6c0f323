package io.undersign.controlplane.tenant;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a tenant is in its life; {@link #canMoveTo} is the one table of legal transitions. */
public enum TenantStatus {
    REQUESTED, PROVISIONING, ACTIVE, SUSPENDED, OFFBOARDING, OFFBOARDED, FAILED;

    private static final Map<TenantStatus, Set<TenantStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(PROVISIONING, FAILED),
            PROVISIONING, EnumSet.of(ACTIVE, FAILED),
            ACTIVE, EnumSet.of(SUSPENDED, OFFBOARDING, FAILED),
            SUSPENDED, EnumSet.of(ACTIVE, OFFBOARDING, FAILED),
            OFFBOARDING, EnumSet.of(OFFBOARDED, FAILED),
            OFFBOARDED, EnumSet.noneOf(TenantStatus.class),
            // a retry resumes whichever operation failed, so FAILED may go back to any working state
            FAILED, EnumSet.of(PROVISIONING, SUSPENDED, ACTIVE, OFFBOARDING));

    public boolean canMoveTo(TenantStatus next) {
        return NEXT.get(this).contains(next);
    }
}
