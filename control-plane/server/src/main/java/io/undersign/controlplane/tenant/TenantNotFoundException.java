package io.undersign.controlplane.tenant;

import io.undersign.controlplane.api.DomainException;

public class TenantNotFoundException extends DomainException {
    public TenantNotFoundException(String id) {
        super(Kind.NOT_FOUND, "tenant-not-found", "id", "No tenant with id '" + id + "'");
    }
}
