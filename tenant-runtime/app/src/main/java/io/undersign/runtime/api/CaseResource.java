package io.undersign.runtime.api;

import io.undersign.http.Cursors;
import io.undersign.http.QueryParams;
import io.undersign.runtime.cases.CaseIds;
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

    /** A case with full answers; {@code applicationDate} defaults to today. */
    public record CreateCase(@Size(max = 64) String reference, LocalDate applicationDate, @NotNull Map<String, Object> answers) {
    }

    /** Answers to add or change ({@code null} removes one). */
    public record ChangeAnswers(@NotNull Map<String, Object> answers) {
    }

    public record Page(List<CaseView> items, String nextCursor) {
    }

    @Inject
    IntegratorCases cases;

    @Inject
    CaseReads reads;

    @POST
    public Response create(@Valid @NotNull CreateCase request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IntegratorCases.Created created = cases.create(request.reference(), request.applicationDate(), request.answers(), idempotencyKey, INTEGRATOR);
        // a relative Location stays right behind the edge or a load balancer
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + created.view().id())
                .entity(created.view()).build();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") String id) {
        return reads.get(id);
    }

    @PATCH
    @Path("/{id}/answers")
    public CaseView changeAnswers(@PathParam("id") String id, @Valid @NotNull ChangeAnswers request) {
        return cases.changeAnswers(id, request.answers(), INTEGRATOR);
    }

    @GET
    public Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limitText) {
        // read here, not by JAX-RS, which answers 404 for limit=abc
        int limit = QueryParams.limit(limitText, 50, 200);
        List<String> after = Cursors.decode(cursor, 2, key -> CaseIds.wellFormed(key.get(1)) && instant(key.get(0)));
        Cursors.Slice<CaseView> page = Cursors.slice(reads.page(after == null ? null : Instant.parse(after.get(0)),
                after == null ? null : after.get(1), limit + 1), limit, c -> List.of(c.createdAt().toString(), c.id()));
        return new Page(page.items(), page.nextCursor());
    }

    private static boolean instant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
