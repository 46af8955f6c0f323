package io.undersign.controlplane.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.audit.AuditedTenant;
import io.undersign.http.QueryParams;
import io.undersign.controlplane.security.Caller;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

@Path("/api/v1/tenants")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantService service;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.create")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "A field is wrong (the problem names it)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = io.undersign.http.Problem.MEDIA_TYPE,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = io.undersign.http.Problem.class)))
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createTenant", summary = "Register a tenant and start onboarding it")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response create(@AuditedTenant @Valid @NotNull CreateTenantRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accepted(service.create(request, idempotencyKey, caller()));
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listTenants", summary = "List tenants, optionally by status or tag, with cursor paging")
    public TenantPage list(@QueryParam("status") String status, @QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        return service.list(parseStatus(status), tag == null || tag.isBlank() ? null : tag, cursor, QueryParams.limit(limit, 50, 200));
    }

    @jakarta.ws.rs.PUT
    @Path("/{id}/tags/{tag}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.tag")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "tagTenant", summary = "Put a tag on a tenant (idempotent)")
    public TenantView tag(@AuditedTenant @PathParam("id") String id, @PathParam("tag") String tag) {
        return service.tag(id, tag);
    }

    @jakarta.ws.rs.DELETE
    @Path("/{id}/tags/{tag}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.untag")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "untagTenant", summary = "Take a tag off a tenant (idempotent)")
    public TenantView untag(@AuditedTenant @PathParam("id") String id, @PathParam("tag") String tag) {
        return service.untag(id, tag);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "showTenant", summary = "Show a tenant: endpoints, TLS, runtime, evidence queues, latest operation")
    public TenantView show(@PathParam("id") String id) {
        return service.show(id);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.suspend")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "suspendTenant", summary = "Suspend an ACTIVE tenant (its hosts answer 503)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response suspend(@AuditedTenant @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.SUSPEND, key, caller()));
    }

    /** {@code release}: the release to move to. */
    public record UpgradeRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String release) {
    }

    @POST
    @Path("/{id}/upgrade")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.upgrade")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "upgradeTenant",
            summary = "Move an ACTIVE tenant to a release with no downtime: the new runtime serves only once it passed its gate")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response upgrade(@AuditedTenant @PathParam("id") String id, @jakarta.validation.Valid @jakarta.validation.constraints.NotNull UpgradeRequest request,
            @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.upgrade(id, request.release(), key, caller()));
    }

    @POST
    @Path("/{id}/rollback")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.rollback")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "rollbackTenant",
            summary = "Take an ACTIVE tenant back to its previous release, the same way as an upgrade")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response rollback(@AuditedTenant @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.upgrade(id, null, key, caller()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.resume")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "resumeTenant", summary = "Resume a SUSPENDED tenant")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response resume(@AuditedTenant @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.RESUME, key, caller()));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.retry")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "retryTenant", summary = "Resume a FAILED operation from its failed step")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response retry(@AuditedTenant @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.RETRY, key, caller()));
    }

    /** Destroys the tenant's silo after a final export: admins only. */
    @POST
    @Path("/{id}/offboard")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("tenant.offboard")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "offboardTenant", summary = "Export and remove a tenant (ACTIVE, SUSPENDED or FAILED)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Accepted.class, responseCode = "202")
    public Response offboard(@AuditedTenant @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.OFFBOARD, key, caller()));
    }

    private static Response accepted(Accepted accepted) {
        return Response.accepted(accepted).location(URI.create("/api/v1/operations/" + accepted.operation().id())).build();
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static TenantStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TenantStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "Unknown status '" + status + "'");
        }
    }
}
