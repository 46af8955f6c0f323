package io.undersign.runtime.api;

import io.undersign.http.Cursors;
import io.undersign.http.QueryParams;
import io.undersign.runtime.cases.CaseFilter;
import io.undersign.runtime.cases.CaseIds;
import io.undersign.runtime.cases.CaseStatus;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.IntegratorCases;
import io.undersign.runtime.cases.CaseView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The integrator API: straight-through cases for the insurer's own systems. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {
    static final String INTEGRATOR = "integrator";

    /** A case with full answers; {@code applicationDate} defaults to today; {@code reference} (yours) names one case only. */
    public record CreateCase(@Size(max = 64) @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String reference,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) LocalDate applicationDate,
            @NotNull Map<String, Object> answers) {
    }

    /** Answers to add or change ({@code null} removes one). */
    public record ChangeAnswers(@NotNull Map<String, Object> answers) {
    }

    /** One page of cases, newest first; pass {@code nextCursor} back as {@code cursor} for the next (null at the end). */
    public record Page(List<CaseView> items, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String nextCursor) {
    }

    @Inject
    IntegratorCases cases;

    @Inject
    CaseReads reads;

    @Inject
    io.undersign.runtime.privacy.CasePrivacy privacy;

    /** Why the case is erased (kept with the receipt; never in the audit trail). */
    public record EraseCase(@NotNull @jakarta.validation.constraints.NotBlank @Size(max = 500)
            @jakarta.validation.constraints.Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line of text") String reason) {
    }

    @POST
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createCase",
            summary = "Create a case with full answers and decide it straight through (idempotent with an Idempotency-Key)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created and decided",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The case's URL",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CaseView.class)))
    // names the problem+json schema once; IntegratorOpenApiFilter documents it for every operation
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "A field, parameter or body is wrong (the problem names it)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = io.undersign.http.Problem.MEDIA_TYPE,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = io.undersign.http.Problem.class)))
    public Response create(@Valid @NotNull CreateCase request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IntegratorCases.Created created = cases.create(request.reference(), request.applicationDate(), request.answers(), idempotencyKey, INTEGRATOR);
        // a relative Location stays right behind the edge or a load balancer
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + created.view().id())
                .entity(created.view()).build();
    }

    @GET
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getCase", summary = "A case with its latest decision and evidence")
    public CaseView get(@PathParam("id") String id) {
        return reads.get(id);
    }

    @PATCH
    @Path("/{id}/answers")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "changeAnswers", summary = "Add, change or remove answers; the case is decided again")
    public CaseView changeAnswers(@PathParam("id") String id, @Valid @NotNull ChangeAnswers request) {
        return cases.changeAnswers(id, request.answers(), INTEGRATOR);
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listCases",
            summary = "List cases, newest first, by status, latest outcome, reference or creation time; unknown parameters are refused")
    public Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limitText,
            @QueryParam("status") String status, @QueryParam("outcome") String outcome, @QueryParam("reference") String reference,
            @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo) {
        // read here, not by JAX-RS, which answers 404 for limit=abc
        int limit = QueryParams.limit(limitText, 50, 200);
        CaseFilter filter = new CaseFilter(QueryParams.oneOf("status", status, CaseStatus.class),
                QueryParams.oneOf("outcome", outcome, io.undersign.engine.Outcome.class), reference == null || reference.isBlank() ? null : reference,
                QueryParams.instant("createdFrom", createdFrom), QueryParams.instant("createdTo", createdTo));
        List<String> after = Cursors.decode(cursor, 2, key -> CaseIds.wellFormed(key.get(1)) && Cursors.isInstant(key.get(0)));
        Cursors.Slice<CaseView> page = Cursors.slice(reads.page(filter, after == null ? null : Instant.parse(after.get(0)),
                after == null ? null : after.get(1), limit + 1), limit, c -> List.of(c.createdAt().toString(), c.id()));
        return new Page(page.items(), page.nextCursor());
    }

    // --- the applicant's rights: erasure of the case's health data, and everything held about it ---

    @POST
    @Path("/{id}/erasure")
        @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "eraseCase", summary = "Erase a case's health data: its data key is destroyed, so no copy (a backup included) "
            + "opens again; outcome, dates and reason codes stay. Returns the signed receipt; a repeat returns the same one")
    public io.undersign.privacy.ErasureReceipt.Signed erase(@PathParam("id") String id, @Valid @NotNull EraseCase request) {
        return privacy.erase(id, request.reason().strip(), INTEGRATOR);
    }

    @GET
    @Path("/{id}/erasure")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getErasureReceipt", summary = "The signed receipt of a case's erasure")
    public io.undersign.privacy.ErasureReceipt.Signed receipt(@PathParam("id") String id) {
        return privacy.receipt(id).orElseThrow(() -> new NotErasedException(id));
    }

    @GET
    @Path("/{id}/subject-access")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getSubjectAccess", summary = "Everything held about a case's applicant: answers, evidence, decisions with "
            + "explanations, underwriters' decisions and notes, audit entries (JSON; text/html gives a page to read)")
    public com.fasterxml.jackson.databind.node.ObjectNode subjectAccess(@PathParam("id") String id) {
        return privacy.subjectAccess(id);
    }

    @GET
    @Path("/{id}/subject-access")
    @Produces(MediaType.TEXT_HTML)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public String subjectAccessPage(@PathParam("id") String id) {
        return io.undersign.privacy.SubjectAccessPage.html(privacy.subjectAccess(id));
    }

}
