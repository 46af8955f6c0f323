package io.undersign.controlplane.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.api.QueryParams;
import io.undersign.controlplane.security.Caller;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.operation.OperationView;
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
public class TenantResource {

    /** What a write answers: the tenant and the operation now working on it (202 Accepted). */
    public record Accepted(TenantView tenant, OperationView operation) {
    }

    @Inject
    TenantService service;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.create")
    public Response create(@Valid @NotNull CreateTenantRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accepted(service.create(request, idempotencyKey, caller()));
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    public TenantPage list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        return service.list(parseStatus(status), cursor, QueryParams.wholeNumber("limit", limit, 1, 200).intValue());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    public TenantView show(@PathParam("id") String id) {
        return service.show(id);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.suspend")
    public Response suspend(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.SUSPEND, key, caller()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.resume")
    public Response resume(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.RESUME, key, caller()));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("tenant.retry")
    public Response retry(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.RETRY, key, caller()));
    }

    /** Destroys the tenant's silo after a final export: admins only. */
    @POST
    @Path("/{id}/offboard")
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("tenant.offboard")
    public Response offboard(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        return accepted(service.act(id, TenantAction.OFFBOARD, key, caller()));
    }

    private Response accepted(TenantService.Started started) {
        return Response.accepted(new Accepted(service.view(started.tenant()), OperationView.of(started.operation(), json)))
                .location(URI.create("/api/v1/operations/" + started.operation().id))
                .build();
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
