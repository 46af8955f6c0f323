package io.undersign.controlplane.identity;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.controlplane.driver.IdentityRealms;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a tenant's underwriters sign in to its workbench. */
@Path("/api/v1/tenants/{id}/identity")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class IdentityResource {

    /** The tenant's sign-in as its runtime has it (never the client secret). */
    public record IdentityView(String tenantId, boolean configured, @Schema(nullable = true) String issuer,
            @Schema(nullable = true) String clientId) {
    }

    public record DemoUnderwriters(String tenantId, String issuer, List<IdentityRealms.DemoUnderwriter> underwriters) {
    }

    @Inject
    TenantRepository tenants;

    @Inject
    IdentityRealms identity;

    @Inject
    io.undersign.controlplane.audit.AuditNote note;

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(operationId = "showTenantIdentity", summary = "Where the tenant's underwriters sign in (issuer and client id)")
    public IdentityView show(@PathParam("id") String id) {
        Tenant tenant = tenants.require(id);
        return identity.signIn(tenant.spec())
                .map(s -> new IdentityView(id, true, s.issuer(), s.clientId()))
                .orElse(new IdentityView(id, false, null, null));
    }

    /**
     * Demo underwriters of every role for trying the workbench on the local platform (made once;
     * the same people and passwords on every call). The local identity provider only.
     */
    @POST
    @Path("/demo-underwriters")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("identity.demo-underwriters")
    @Operation(operationId = "makeDemoUnderwriters", summary = "Make (or show again) demo underwriters in the tenant's local realm, with passwords")
    public DemoUnderwriters demo(@AuditedTenant @PathParam("id") String id) throws Exception {
        Tenant tenant = tenants.require(id);
        if (tenant.status != TenantStatus.ACTIVE && tenant.status != TenantStatus.SUSPENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "id",
                    "Tenant '" + id + "' is " + tenant.status + "; its realm is made while it onboards");
        }
        IdentityRealms.SignIn signIn = identity.signIn(tenant.spec()).orElseThrow(() -> new DomainException(
                DomainException.Kind.CONFLICT, "identity-not-configured", "id", "Tenant '" + id + "' has no sign-in set up"));
        List<IdentityRealms.DemoUnderwriter> people;
        try {
            people = identity.demoUnderwriters(tenant.spec());
        } catch (UnsupportedOperationException e) {
            throw new DomainException(DomainException.Kind.CONFLICT, "no-demo-underwriters", "id", e.getMessage());
        }
        note.add("underwriters=" + people.size());
        return new DemoUnderwriters(id, signIn.issuer(), people);
    }
}
