package io.undersign.controlplane.tenant;

import io.undersign.controlplane.operation.OperationView;

/** What a write on a tenant answers: the tenant and the operation now working on it (202 Accepted). */
public record Accepted(TenantView tenant, OperationView operation) {
}
