package io.undersign.controlplane.release;

import io.undersign.controlplane.audit.AuditNote;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.security.Role;
import io.undersign.engine.RulebookDiff;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Rulebook versions the control plane keeps, for releases to pin: upload, list, show, compare. */
@Path("/api/v1/rulebooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulebookResource {
    /** The engine's own limit is 512 KiB of YAML; the case file may be as large. */
    static final int MAX_TEXT = 512 * 1024;

    /** {@code source}: the rulebook's YAML; {@code profiles}: its case file (profiles with expected decisions), optional. */
    public record Upload(@NotBlank @Size(max = MAX_TEXT) String source, @Schema(nullable = true) @Size(max = MAX_TEXT) String profiles) {
    }

    public record RulebookView(String id, String version, String title, List<String> products, String sha256, String uploadedBy,
            Instant uploadedAt, RulebookStore.ProfileResults profiles) {
        static RulebookView of(RulebookRecord r, RulebookStore.ProfileResults profiles) {
            return new RulebookView(r.rulebookId, r.version, r.title, Arrays.asList(r.products.split(",")), r.sha256, r.uploadedBy,
                    r.uploadedAt, profiles);
        }
    }

    public record Difference(String part, String id, @Schema(enumeration = {"ADDED", "REMOVED", "CHANGED"}) String change,
            List<String> properties, String words) {
    }

    public record Diff(String rulebookId, String from, String to, List<Difference> changes) {
    }

    @Inject
    RulebookStore store;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditNote note;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("rulebook.upload")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "uploadRulebook",
            summary = "Upload a rulebook version: validated by the engine (every problem with its path), its profiles tried; a version never changes")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = RulebookView.class, responseCode = "201")
    public Response upload(@Valid @NotNull Upload request) {
        RulebookStore.Uploaded uploaded = store.upload(request.source(), request.profiles(), identity.getPrincipal().getName());
        RulebookRecord r = uploaded.record();
        note.add(r.rulebookId + " " + r.version + " sha256=" + r.sha256 + (uploaded.created() ? "" : " (already kept)"));
        return Response.status(uploaded.created() ? 201 : 200).entity(RulebookView.of(r, uploaded.profiles())).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listRulebooks", summary = "Every rulebook version kept, newest first")
    public List<RulebookView> list() {
        return store.all().stream().map(r -> RulebookView.of(r, null)).toList();
    }

    @GET
    @Path("/{id}/{version}")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getRulebook", summary = "One rulebook version and how its profiles fare")
    public RulebookView show(@PathParam("id") String id, @PathParam("version") String version) {
        RulebookRecord r = store.require(id, version);
        return RulebookView.of(r, store.profilesOf(r));
    }

    @GET
    @Path("/{id}/{version}/source")
    @Produces("application/yaml")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getRulebookSource", summary = "The rulebook version's YAML as uploaded")
    public String source(@PathParam("id") String id, @PathParam("version") String version) {
        return store.require(id, version).source;
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "diffRulebooks",
            summary = "What changed from one version to another: questions, pages, tables, rules, evidence types, thresholds")
    public Diff diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        String a = io.undersign.http.QueryParams.required("from", from);
        String b = io.undersign.http.QueryParams.required("to", to);
        List<Difference> changes = store.diff(id, a, b).stream()
                .map((RulebookDiff.Change c) -> new Difference(c.part(), c.id(), c.kind().name(), c.properties(), c.words())).toList();
        return new Diff(id, a, b, changes);
    }
}
