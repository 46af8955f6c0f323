package io.undersign.controlplane.release;

import io.undersign.controlplane.audit.AuditNote;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Releases (runtime build + tenant schema + rulebook version) and the runtime builds they pin. */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    /** {@code sha256}: a build put in the control plane's import directory under that name. */
    public record ImportArtifact(@NotNull String sha256) {
    }

    public record ArtifactView(String sha256, long sizeBytes, String version, String buildId, String storedBy, Instant storedAt) {
        static ArtifactView of(RuntimeArtifact a) {
            return new ArtifactView(a.sha256, a.sizeBytes, a.version, a.buildId, a.storedBy, a.storedAt);
        }
    }

    /** {@code image}: on AWS, the machine image that carries this build. */
    public record RuntimePin(@NotNull String sha256, @Schema(nullable = true) @Pattern(regexp = "ami-[0-9a-f]{8,17}",
            message = "must be an AMI id such as ami-0abcdef1234567890") String image) {
    }

    public record RulebookPin(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 32) String version) {
    }

    public record PutRelease(@Valid @NotNull RuntimePin runtime, @NotBlank @Size(max = 16) String schemaVersion,
            @Valid @NotNull RulebookPin rulebook, @Schema(nullable = true) @Size(max = 500) @io.undersign.controlplane.api.PlainText String notes) {
    }

    /** A tenant that runs the release ({@code as}: current) or would go back to it on a rollback (previous). */
    public record TenantOnRelease(String id, String status, @Schema(enumeration = {"current", "previous"}) String as) {
    }

    public record ReleaseView(String id, String runtimeVersion, String buildId, String runtimeSha256,
            @Schema(nullable = true) String runtimeImage, String schemaVersion, String rulebookId, String rulebookVersion,
            @Schema(nullable = true) String notes, String createdBy, Instant createdAt, @Schema(nullable = true) Instant firstRunAt,
            boolean immutable, boolean defaultForNewTenants, @Schema(nullable = true) List<TenantOnRelease> tenants) {
        static ReleaseView of(PlatformRelease r, java.util.Optional<String> defaultRelease, List<TenantOnRelease> tenants) {
            return new ReleaseView(r.id, r.runtimeVersion, r.buildId, r.runtimeSha256, r.runtimeImage, r.schemaVersion, r.rulebookId,
                    r.rulebookVersion, r.notes, r.createdBy, r.createdAt, r.firstRunAt, r.firstRunAt != null,
                    defaultRelease.map(r.id::equals).orElse(false), tenants);
        }
    }

    @Inject
    ReleaseService releases;

    @Inject
    RuntimeArtifacts artifacts;

    @Inject
    DefaultRelease defaultRelease;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditNote note;

    @POST
    @Path("/artifacts")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("release.artifact-import")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "importArtifact",
            summary = "Keep a runtime build put in the import directory under its SHA-256 (checked, with its build stamp read)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ArtifactView.class, responseCode = "201")
    public Response importArtifact(@Valid @NotNull ImportArtifact request) {
        RuntimeArtifacts.Imported imported = artifacts.importBuild(request.sha256(), identity.getPrincipal().getName());
        note.add("sha256=" + imported.artifact().sha256 + " build=" + imported.artifact().buildId + (imported.created() ? "" : " (already kept)"));
        return Response.status(imported.created() ? 201 : 200).entity(ArtifactView.of(imported.artifact())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("release.put")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "putRelease",
            summary = "Create a release, or change one no tenant has run yet (409 once one has)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = ReleaseView.class, responseCode = "201")
    public Response put(@PathParam("id") String id, @Valid @NotNull PutRelease request) {
        ReleaseService.Put put = releases.put(id, new ReleaseService.Pins(request.runtime().sha256(), request.runtime().image(),
                request.schemaVersion(), request.rulebook().id(), request.rulebook().version(), request.notes()), identity.getPrincipal().getName());
        PlatformRelease r = put.release();
        note.add(r.id + " runtime=" + r.buildId + " schema=" + r.schemaVersion + " rulebook=" + r.rulebookId + " " + r.rulebookVersion
                + (put.created() ? "" : put.changed() ? " (changed)" : " (unchanged)"));
        return Response.status(put.created() ? 201 : 200).entity(ReleaseView.of(r, defaultRelease.get(), null)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listReleases", summary = "Every release, newest first")
    public List<ReleaseView> list() {
        java.util.Optional<String> current = defaultRelease.get();
        return releases.all().stream().map(r -> ReleaseView.of(r, current, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getRelease", summary = "A release and the tenants that run it")
    public ReleaseView show(@PathParam("id") String id) {
        PlatformRelease r = releases.require(id);
        List<TenantOnRelease> tenants = releases.runningOrPrevious(id).stream()
                .map(t -> new TenantOnRelease(t.id, t.status.name(), id.equals(t.currentRelease) ? "current" : "previous")).toList();
        return ReleaseView.of(r, defaultRelease.get(), tenants);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("release.remove")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "removeRelease", summary = "Remove a release no tenant has run (409 once one has)")
    public Response remove(@PathParam("id") String id) {
        if (defaultRelease.get().filter(id::equals).isPresent()) {
            throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.CONFLICT, "release-is-default",
                    "id", "release " + id + " is the default for new tenants: make another the default or clear it first");
        }
        releases.remove(id);
        note.add(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/default")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("release.default")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "makeReleaseDefault",
            summary = "New tenants onboard onto this release (its schema, runtime and rulebook); idempotent")
    public ReleaseView makeDefault(@PathParam("id") String id) {
        defaultRelease.set(id, identity.getPrincipal().getName());
        note.add(id);
        return ReleaseView.of(releases.require(id), defaultRelease.get(), null);
    }

    @DELETE
    @Path("/{id}/default")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("release.default-clear")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "clearDefaultRelease",
            summary = "New tenants no longer onboard onto this release (if it was the default)")
    public ReleaseView clearDefault(@PathParam("id") String id) {
        PlatformRelease r = releases.require(id);
        note.add(id + (defaultRelease.clear(id) ? "" : " (was not the default)"));
        return ReleaseView.of(r, defaultRelease.get(), null);
    }
}
