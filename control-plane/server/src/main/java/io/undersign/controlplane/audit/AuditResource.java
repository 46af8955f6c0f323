package io.undersign.controlplane.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.undersign.http.Cursors;
import io.undersign.http.InvalidParameterException;
import io.undersign.http.QueryParams;
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

    /** Newest first; pass {@code nextCursor} back as {@code cursor} for older entries (null at the end). */
    public record Page(List<Entry> items, @Schema(nullable = true) String nextCursor) {
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Role.OPERATOR_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "searchAudit", summary = "Search the audit trail, newest first")
    public Page search(@QueryParam("tenant") String tenant, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") String limitText) {
        int limit = QueryParams.limit(limitText, 100, 500);
        List<String> after = Cursors.decode(cursor, 1, key -> key.get(0).matches("[1-9][0-9]{0,17}"));
        Long before = after == null ? null : Long.valueOf(after.get(0));
        List<Entry> entries = audit.search(tenant, actor, instant("from", from), instant("to", to), before, limit + 1).stream()
                .map(e -> new Entry(e.id, e.at, e.actor, e.action, e.tenantId, e.requestId, e.outcome, e.detail))
                .toList();
        Cursors.Slice<Entry> page = Cursors.slice(entries, limit, e -> List.of(String.valueOf(e.id())));
        return new Page(page.items(), page.nextCursor());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, field + " must be an ISO-8601 instant such as 2026-11-29T10:00:00Z");
        }
    }
}
