package io.undersign.controlplane.tenant;

import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.Operation;
import io.undersign.controlplane.operation.OperationKind;
import io.undersign.controlplane.operation.OperationSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** The tenant's status as its operations run: the working status of each kind, and where each leaves it. */
@ApplicationScoped
public class TenantTransitions implements OperationSubjects {

    @Inject
    TenantRepository tenants;

    @Override
    public TenantSpec running(Operation op, Instant now) {
        Tenant tenant = tenants.require(op.tenantId);
        tenant.moveTo(whileRunning(op.kind), now);
        return op.kind == OperationKind.UPGRADE ? tenant.spec().withRelease(op.targetRelease) : tenant.spec();
    }

    @Override
    public void failed(Operation op, Instant now) {
        // a failed upgrade left the tenant serving on the release it had (its gate switches back)
        tenants.require(op.tenantId).moveTo(op.kind == OperationKind.UPGRADE ? TenantStatus.ACTIVE : TenantStatus.FAILED, now);
    }

    @Override
    public void succeeded(Operation op, Instant now) {
        Tenant tenant = tenants.require(op.tenantId);
        tenant.moveTo(onSuccess(op.kind), now);
        if (op.kind == OperationKind.UPGRADE && !java.util.Objects.equals(tenant.currentRelease, op.targetRelease)) {
            tenant.previousRelease = tenant.currentRelease;
            tenant.currentRelease = op.targetRelease;
        }
    }

    static TenantStatus whileRunning(OperationKind kind) {
        return switch (kind) {
            case ONBOARD -> TenantStatus.PROVISIONING;
            case UPGRADE -> TenantStatus.ACTIVE;
            case SUSPEND, RESUME -> TenantStatus.SUSPENDED;
            case OFFBOARD -> TenantStatus.OFFBOARDING;
        };
    }

    static TenantStatus onSuccess(OperationKind kind) {
        return switch (kind) {
            case ONBOARD, RESUME, UPGRADE -> TenantStatus.ACTIVE;
            case SUSPEND -> TenantStatus.SUSPENDED;
            case OFFBOARD -> TenantStatus.OFFBOARDED;
        };
    }
}
