package io.undersign.controlplane.rollout;

import io.undersign.controlplane.audit.AuditNote;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Rollouts of a release to tenants in waves, with a failure budget; pause, resume and abort. */
@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolloutResource {

    /** {@code tenants}: all or a,b,c; {@code waves}: tenants reached after each wave, e.g. 1,25%,100%. */
    public record StartRollout(@NotBlank @Size(max = 64) String release, @NotBlank @Size(max = 500) String tenants,
            @NotBlank @Size(max = 200) String waves, @Min(0) @Max(1000) Integer maxFailures, @Min(1) @Max(50) Integer parallel) {
    }

    /** {@code wave}: as shown, 1 for the first. */
    public record RollbackWave(@Min(1) int wave, @Schema(nullable = true) @Size(max = 500) @io.undersign.controlplane.api.PlainText String reason) {
    }

    /** Why: kept with the rollout and in the audit trail. */
    public record Control(@Schema(nullable = true) @Size(max = 500) @io.undersign.controlplane.api.PlainText String reason) {
    }

    public record TenantView(String tenant, int wave,
            @Schema(enumeration = {"PENDING", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "ROLLED_BACK"}) String status, @Schema(nullable = true) String operationId,
            @Schema(nullable = true) String error, Instant updatedAt) {
    }

    public record RolloutView(String id, String release, String tenants, String waves, int maxFailures, int parallel,
            @Schema(enumeration = {"RUNNING", "PAUSED", "HALTED", "ABORTED", "SUCCEEDED"}) String status, @Schema(nullable = true) String reason,
            String createdBy, Instant createdAt, Instant updatedAt, @Schema(nullable = true) List<TenantView> progress) {
        static RolloutView of(Rollout r, List<RolloutTenant> rows) {
            return new RolloutView(r.id, r.releaseId, r.selector, r.waves, r.maxFailures, r.parallel, r.status.name(), r.reason, r.createdBy,
                    r.createdAt, r.updatedAt, rows == null ? null : rows.stream().map(t -> new TenantView(t.tenantId, t.wave + 1,
                            t.status.name(), t.operationId, t.error, t.updatedAt)).toList());
        }
    }

    @Inject
    RolloutService rollouts;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditNote note;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rollout.start")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "startRollout",
            summary = "Move tenants to a release in waves, each tenant gated; halts past the failure budget")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = RolloutView.class, responseCode = "201")
    public Response start(@Valid @NotNull StartRollout request) {
        RolloutService.Started started = rollouts.start(request.release(), request.tenants(), request.waves(),
                request.maxFailures() == null ? 0 : request.maxFailures(), request.parallel() == null ? 1 : request.parallel(),
                identity.getPrincipal().getName());
        note.add(started.rollout().id + " release=" + request.release() + " tenants=" + started.tenants().size() + " waves=" + request.waves());
        return Response.status(201).entity(RolloutView.of(started.rollout(), started.tenants())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listRollouts", summary = "The latest rollouts, newest first")
    public List<RolloutView> list() {
        return rollouts.recent(50).stream().map(r -> RolloutView.of(r, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getRollout", summary = "A rollout and where each of its tenants stands")
    public RolloutView show(@PathParam("id") String id) {
        return RolloutView.of(rollouts.require(id), rollouts.tenantsOf(id));
    }

    /** The live view: an event on every change, ending once the rollout has finished. */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @org.jboss.resteasy.reactive.RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.VIEWER_NAME)
    @io.smallrye.common.annotation.Blocking
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "watchRollout", summary = "Follow a rollout as server-sent events until it ends")
    public io.smallrye.mutiny.Multi<RolloutView> events(@PathParam("id") String id) {
        show(id); // 404 before the stream opens
        java.util.concurrent.atomic.AtomicReference<RolloutView> last = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean(false);
        return io.smallrye.mutiny.Multi.createFrom().ticks().every(java.time.Duration.ofMillis(500))
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(tick -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> show(id)))
                .select().first(view -> !done.getAndSet(Rollout.Status.valueOf(view.status()).finished()))
                .select().where(view -> !java.util.Objects.equals(view, last.getAndSet(view)));
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rollout.pause")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "pauseRollout", summary = "Start no further tenant (those moving finish)")
    public RolloutView pause(@PathParam("id") String id, @Valid Control control) {
        return control(id, "pause", control);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rollout.resume")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "resumeRollout", summary = "Go on with a paused rollout")
    public RolloutView resume(@PathParam("id") String id, @Valid Control control) {
        return control(id, "resume", control);
    }

    @POST
    @Path("/{id}/abort")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rollout.abort")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "abortRollout", summary = "End the rollout: no further tenant starts")
    public RolloutView abort(@PathParam("id") String id, @Valid Control control) {
        return control(id, "abort", control);
    }

    @POST
    @Path("/{id}/rollback")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rollout.rollback")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "rollbackWave",
            summary = "Take the tenants a wave moved back to their previous release (the rollout paused or ended)")
    public RolloutView rollback(@PathParam("id") String id, @Valid @NotNull RollbackWave request) {
        Rollout r = rollouts.rollbackWave(id, request.wave(), request.reason(), identity.getPrincipal().getName());
        note.add(id + " wave " + request.wave() + " rolled back" + (request.reason() == null ? "" : ": " + request.reason()));
        return RolloutView.of(r, rollouts.tenantsOf(id));
    }

    private RolloutView control(String id, String action, Control control) {
        String reason = control == null ? null : control.reason();
        Rollout r = rollouts.control(id, action, reason);
        note.add(id + " " + action + (reason == null ? "" : ": " + reason));
        return RolloutView.of(r, rollouts.tenantsOf(id));
    }
}
