package io.undersign.controlplane.incident;

import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.api.PlainText;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.oncall.Acknowledgements;
import io.undersign.controlplane.oncall.OncallDelivery;
import io.undersign.controlplane.security.Role;
import io.undersign.http.QueryParams;
import io.undersign.oncall.AlertmanagerWebhook;
import io.undersign.oncall.OncallException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Incidents: raised by the platform or by monitoring, deduplicated by key while open; acknowledged, resolved. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @Inject
    Incidents incidents;

    @Inject
    Acknowledgements acks;

    @Inject
    EntityManager em;

    @Inject
    SecurityIdentity identity;

    public record RaiseIncident(@NotNull @Pattern(regexp = "P1|P2", message = "must be P1 or P2") String priority,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:/@-]+", message = "must be letters, digits and . _ : / @ -") String key,
            @NotBlank @Size(max = 1000) @PlainText String summary) {
    }

    public record Note(@Schema(nullable = true) @Size(max = 500) @PlainText String note) {
    }

    public record EventView(Instant at, String kind, String detail, @Schema(nullable = true) String actor) {
    }

    public record DeliveryView(String id, String channel, @Schema(nullable = true) String role, @Schema(nullable = true) String member, String address,
            String status, @Schema(nullable = true) String detail, Instant createdAt, Instant updatedAt) {
        public static DeliveryView of(OncallDelivery d) {
            return new DeliveryView(d.id, d.channel.name(), d.role == null ? null : d.role.name().toLowerCase(java.util.Locale.ROOT), d.memberId,
                    d.address, d.status.name(), d.detail, d.createdAt, d.updatedAt);
        }
    }

    public record IncidentView(long id, String key, String priority, String summary, String source,
            @Schema(enumeration = {"OPEN", "ACKNOWLEDGED", "RESOLVED"}) String status, int occurrences,
            @Schema(enumeration = {"PENDING", "PAGED", "EXHAUSTED", "UNROUTED", "INHIBITED", "ACKNOWLEDGED"}) String routing, String ackCode,
            Instant openedAt, Instant updatedAt, @Schema(nullable = true) Instant acknowledgedAt, @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant resolvedAt, @Schema(nullable = true) String resolvedBy, @Schema(nullable = true) Instant nextEscalationAt,
            @Schema(nullable = true) List<EventView> timeline, @Schema(nullable = true) List<DeliveryView> deliveries) {
    }

    public record IncidentPage(List<IncidentView> items) {
    }

    public record AlertsAccepted(int raised, int counted, int resolved) {
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listIncidents", summary = "Incidents, newest first; by default the open ones")
    public IncidentPage list(@QueryParam("status") @DefaultValue("open") String status, @QueryParam("limit") @DefaultValue("50") String limit) {
        List<String> statuses = switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> Incident.OPEN_STATES;
            case "acknowledged" -> List.of(Incident.ACKNOWLEDGED);
            case "resolved" -> List.of(Incident.RESOLVED);
            case "all" -> List.of(Incident.OPEN, Incident.ACKNOWLEDGED, Incident.RESOLVED);
            default -> throw new ValidationException("status", "status is open, acknowledged, resolved or all");
        };
        int max = QueryParams.limit(limit, 50, 200);
        return new IncidentPage(incidents.find("status in ?1 order by id desc", statuses).page(0, max).list().stream()
                .map(i -> view(i, false)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "showIncident", summary = "An incident with its timeline and every call and text sent for it")
    public IncidentView show(@PathParam("id") String id) {
        Incident incident = incidents.findByIdOptional(parseId(id)).orElseThrow(
                () -> new DomainException(DomainException.Kind.NOT_FOUND, "incident-not-found", "id", "no incident " + id));
        return view(incident, true);
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("incident.raise")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "raiseIncident",
            summary = "Raise an incident (201), or count one more occurrence of the open incident with that key (200): never a second page")
    public Response raise(@Valid @NotNull RaiseIncident request) {
        Incidents.Raised raised = incidents.raiseOrCount(request.key(), request.priority(), request.summary(), "api:" + identity.getPrincipal().getName());
        IncidentView view = QuarkusTx.view(this, raised.incident().id);
        return raised.created() ? Response.created(URI.create("/api/v1/incidents/" + view.id())).entity(view).build() : Response.ok(view).build();
    }

    @POST
    @Path("/alertmanager")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("incident.alertmanager")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "alertmanagerWebhook",
            summary = "Prometheus Alertmanager's webhook payload (version 4), as it is sent: firing alerts raise or count, resolved ones resolve")
    public AlertsAccepted alertmanager(String payload) {
        List<AlertmanagerWebhook.Alert> alerts;
        try {
            alerts = AlertmanagerWebhook.parse(payload);
        } catch (OncallException e) {
            throw new ValidationException(e.field(), e.getMessage());
        }
        int raised = 0;
        int counted = 0;
        int resolved = 0;
        for (AlertmanagerWebhook.Alert alert : alerts) {
            String summary = alert.summary().length() > 1000 ? alert.summary().substring(0, 1000) : alert.summary();
            if (alert.firing()) {
                if (incidents.raiseOrCount(alert.key(), alert.priority().name(), summary, "alertmanager").created()) {
                    raised++;
                } else {
                    counted++;
                }
            } else {
                var open = QuarkusTx.open(incidents, alert.key());
                if (open != null) {
                    acks.resolve(open, "alertmanager", "the alert resolved");
                    resolved++;
                }
            }
        }
        return new AlertsAccepted(raised, counted, resolved);
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("incident.ack")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "acknowledgeIncident", summary = "Acknowledge: the escalation stops (idempotent)")
    public IncidentView ack(@PathParam("id") String id) {
        long incidentId = parseId(id);
        acks.acknowledge(incidentId, identity.getPrincipal().getName(), "API");
        return QuarkusTx.view(this, incidentId);
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("incident.resolve")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "resolveIncident",
            summary = "Resolve (idempotent); the key may be raised again afterwards as a new incident")
    public IncidentView resolve(@PathParam("id") String id, @Valid Note note) {
        long incidentId = parseId(id);
        acks.resolve(incidentId, identity.getPrincipal().getName(), note == null ? null : note.note());
        return QuarkusTx.view(this, incidentId);
    }

    IncidentView view(Incident i, boolean full) {
        List<EventView> timeline = full ? incidents.timeline(i.id).stream().map(e -> new EventView(e.at, e.kind, e.detail, e.actor)).toList() : null;
        List<DeliveryView> deliveries = full ? em.createQuery("from OncallDelivery where incidentId = ?1 order by createdAt, id", OncallDelivery.class)
                .setParameter(1, i.id).getResultList().stream().map(DeliveryView::of).toList() : null;
        return new IncidentView(i.id, i.key, i.priority, i.summary, i.source, i.status, i.occurrences, i.routing.name(), i.ackCode, i.openedAt,
                i.updatedAt, i.acknowledgedAt, i.acknowledgedBy, i.resolvedAt, i.resolvedBy, i.nextEscalationAt, timeline, deliveries);
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "incident-not-found", "id", "no incident " + id);
        }
    }

    /** Reads in a transaction of their own, after the write that preceded them committed. */
    static final class QuarkusTx {
        private QuarkusTx() {
        }

        static IncidentView view(IncidentResource resource, long id) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> resource.view(resource.incidents.findById(id), true));
        }

        static Long open(Incidents incidents, String key) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> incidents.findOpen(key).map(i -> i.id).orElse(null));
        }
    }
}
