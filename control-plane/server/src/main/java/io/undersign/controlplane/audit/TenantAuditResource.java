package io.undersign.controlplane.audit;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's own audit trail (in its database), checked against its hash chain. */
@Path("/api/v1/tenants/{id}/audit-verification")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class TenantAuditResource {

    @Inject
    TenantAuditVerifier verifier;

    @Inject
    TenantRepository tenants;

    @Inject
    AuditNote note;

    /** Verifies the whole chain; an intact one is anchored here, so a later rewrite from the start shows too. */
    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.audit-verified")
    @Operation(operationId = "verifyTenantAudit", summary = "Verify the tenant's audit trail against its hash chain (changed, deleted or unsealed entries)")
    public TenantAuditVerifier.AuditVerificationResult verify(@AuditedTenant @PathParam("id") String id) throws Exception {
        Tenant tenant = tenants.require(id);
        if (tenant.status != TenantStatus.ACTIVE && tenant.status != TenantStatus.SUSPENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "id",
                    "Tenant '" + id + "' is " + tenant.status + "; its audit trail is verified while its database exists");
        }
        TenantAuditVerifier.AuditVerificationResult result = verifier.verify(id);
        note.add("intact=" + result.intact() + " entries=" + result.sealedEntries() + " problems=" + result.problems().size());
        return result;
    }
}
