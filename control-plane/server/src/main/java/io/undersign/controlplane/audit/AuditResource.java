package io.undersign.controlplane.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.undersign.controlplane.api.QueryParams;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/v1/audit")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class AuditResource {

    public record Entry(long id, Instant at, String actor, String action, @Schema(nullable = true) String tenantId, String requestId,
            @Schema(nullable = true) String outcome, @Schema(nullable = true) String detail) {
    }

    /** Newest first; pass {@code nextBefore} as {@code before} for older entries. */
    public record Page(List<Entry> items, @Schema(nullable = true) Long nextBefore) {
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Role.OPERATOR_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "searchAudit", summary = "Search the audit trail, newest first")
    public Page search(@QueryParam("tenant") String tenant, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") String beforeId,
            @QueryParam("limit") @DefaultValue("100") String limitText) {
        int limit = QueryParams.wholeNumber("limit", limitText, 1, 500).intValue();
        Long before = QueryParams.wholeNumber("before", beforeId, 1, Long.MAX_VALUE);
        List<Entry> items = audit.search(tenant, actor, instant("from", from), instant("to", to), before, limit).stream()
                .map(e -> new Entry(e.id, e.at, e.actor, e.action, e.tenantId, e.requestId, e.outcome, e.detail))
                .toList();
        Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
        return new Page(items, next);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be an ISO-8601 instant such as 2026-11-29T10:00:00Z");
        }
    }
}
