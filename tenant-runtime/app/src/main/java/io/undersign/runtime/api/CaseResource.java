package io.undersign.runtime.api;

import io.undersign.runtime.cases.CaseService;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
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
    CaseService service;

    @POST
    public Response create(@Valid @NotNull CreateCase request, @HeaderParam("Idempotency-Key") @Size(max = 128) String idempotencyKey) {
        CaseService.Created created = service.create(request.reference(), request.applicationDate(), request.answers(), idempotencyKey, INTEGRATOR);
        // a relative Location stays right behind the edge or a load balancer
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/cases/" + created.view().id())
                .entity(created.view()).build();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}/answers")
    public CaseView changeAnswers(@PathParam("id") String id, @Valid @NotNull ChangeAnswers request) {
        return service.changeAnswers(id, request.answers(), INTEGRATOR);
    }

    @GET
    public Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limitText) {
        // read here, not by JAX-RS, which answers 404 for limit=abc
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 200) {
            throw new BadRequestProblem("limit", "limit must be a whole number between 1 and 200");
        }
        Instant before = null;
        String beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                before = Instant.parse(parts[0]);
                beforeId = parts[1];
            } catch (RuntimeException e) {
                throw new BadRequestProblem("cursor", "cursor is not one this API returned");
            }
        }
        List<CaseView> items = service.page(before, beforeId, limit + 1);
        boolean more = items.size() > limit;
        List<CaseView> page = more ? items.subList(0, limit) : items;
        String next = null;
        if (more) {
            CaseView last = page.get(page.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(page, next);
    }
}
