package io.undersign.controlplane.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/operations")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class OperationResource {
    private static final Duration POLL = Duration.ofMillis(300);

    @Inject
    OperationStore store;

    @Inject
    ObjectMapper json;

    /** One page of operations, newest first; pass {@code nextCursor} back as {@code cursor} for older ones (null at the end). */
    public record Page(java.util.List<OperationView> items, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String nextCursor) {
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional(Transactional.TxType.SUPPORTS)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listOperations", summary = "List operations, newest first, by tenant, kind or status")
    public Page list(@jakarta.ws.rs.QueryParam("tenant") String tenant, @jakarta.ws.rs.QueryParam("kind") String kind,
            @jakarta.ws.rs.QueryParam("status") String status, @jakarta.ws.rs.QueryParam("cursor") String cursor,
            @jakarta.ws.rs.QueryParam("limit") String limitText) {
        int limit = io.undersign.http.QueryParams.limit(limitText, 50, 200);
        java.util.List<String> after = io.undersign.http.Cursors.decode(cursor, 2, key -> io.undersign.http.Cursors.isInstant(key.get(0)) && key.get(1).matches("[0-9a-f-]{36}"));
        java.util.List<Operation> found = store.search(tenant, io.undersign.http.QueryParams.oneOf("kind", kind, OperationKind.class), io.undersign.http.QueryParams.oneOf("status", status, OperationStatus.class),
                after == null ? null : java.time.Instant.parse(after.get(0)), after == null ? null : after.get(1), limit + 1);
        var page = io.undersign.http.Cursors.slice(found, limit, o -> java.util.List.of(o.createdAt.toString(), o.id));
        return new Page(page.items().stream().map(o -> OperationView.of(o, json)).toList(), page.nextCursor());
    }



    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional(Transactional.TxType.SUPPORTS)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "showOperation", summary = "Show an operation and its steps")
    public OperationView show(@PathParam("id") String id) {
        return load(id);
    }

    /** Live progress: an event on every change, ending once the operation has finished. */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.VIEWER_NAME)
    @Blocking
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "watchOperation", summary = "Follow an operation as server-sent events until it ends")
    public Multi<OperationView> events(@PathParam("id") String id) {
        loadFresh(id); // 404 before the stream opens
        AtomicReference<OperationView> last = new AtomicReference<>();
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        return Multi.createFrom().ticks().every(POLL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> loadFresh(id))
                // stop at the first tick after the operation finished, then drop repeats
                .select().first(view -> {
                    boolean wasDone = done.get();
                    done.set(view.status().finished());
                    return !wasDone;
                })
                .select().where(view -> !Objects.equals(view, last.getAndSet(view)));
    }

    private OperationView loadFresh(String id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> load(id));
    }

    private OperationView load(String id) {
        Operation op = store.findById(id);
        if (op == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "operation-not-found", "id", "No operation with id '" + id + "'");
        }
        return OperationView.of(op, json);
    }
}
