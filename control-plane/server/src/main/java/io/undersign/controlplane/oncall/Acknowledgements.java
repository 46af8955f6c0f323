package io.undersign.controlplane.oncall;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.incident.Incident;
import io.undersign.controlplane.incident.Incidents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Acknowledging (by API, by SMS reply, by keypad) and resolving. Acknowledging stops the escalation;
 * asking again what already holds changes nothing.
 */
@ApplicationScoped
public class Acknowledgements {
    @Inject
    Incidents incidents;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Incident acknowledge(long id, String actor, String via) {
        Incident incident = require(id);
        if (Incident.RESOLVED.equals(incident.status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "incident-resolved", "id", "incident " + id + " is resolved");
        }
        if (Incident.ACKNOWLEDGED.equals(incident.status)) {
            return incident;
        }
        Instant now = clock.instant();
        incident.status = Incident.ACKNOWLEDGED;
        incident.routing = Incident.Routing.ACKNOWLEDGED;
        incident.acknowledgedAt = now;
        incident.acknowledgedBy = actor;
        incident.nextEscalationAt = null;
        incident.updatedAt = now;
        incidents.event(id, "acknowledged", "acknowledged by " + actor + " (" + via + ")", actor);
        return incident;
    }

    @Transactional
    public Incident resolve(long id, String actor, String note) {
        Incident incident = require(id);
        if (Incident.RESOLVED.equals(incident.status)) {
            return incident;
        }
        Instant now = clock.instant();
        incident.status = Incident.RESOLVED;
        incident.resolvedAt = now;
        incident.resolvedBy = actor;
        incident.nextEscalationAt = null;
        incident.updatedAt = now;
        incidents.event(id, "resolved", "resolved by " + actor + (note == null || note.isBlank() ? "" : ": " + note), actor);
        return incident;
    }

    /** The open incident an SMS reply's code names. */
    @Transactional
    public Optional<Incident> byCode(String code) {
        return incidents.find("ackCode = ?1 and status in ?2", code, Incident.OPEN_STATES).firstResultOptional();
    }

    /** A call's answer as the call reports it: keypad 1 acknowledges, anything else is recorded as answered. */
    @Transactional
    public OncallDelivery answer(String deliveryId, String keypad, String actor) {
        OncallDelivery d = deliveryId == null ? null : em.find(OncallDelivery.class, deliveryId);
        if (d == null || d.channel != OncallDelivery.Channel.VOICE) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "call-not-found", "id", "no call " + deliveryId);
        }
        if (keypad == null || !keypad.matches("[0-9*#]{0,8}")) {
            throw new io.undersign.controlplane.api.ValidationException("keypad", "keypad is up to 8 of 0-9, * and #");
        }
        if (d.status == OncallDelivery.Status.ACKNOWLEDGED) {
            return d;
        }
        Instant now = clock.instant();
        OncallMember member = d.memberId == null ? null : em.find(OncallMember.class, d.memberId);
        String who = member == null ? d.address : member.name;
        if (keypad.startsWith("1") && d.incidentId != null) {
            Incident incident = require(d.incidentId);
            if (!Incident.RESOLVED.equals(incident.status)) {
                d.status = OncallDelivery.Status.ACKNOWLEDGED;
                acknowledge(d.incidentId, who, "keypad on the call" + (actor == null ? "" : ", reported by " + actor));
            }
        } else {
            d.status = OncallDelivery.Status.ANSWERED;
            incidents.event(d.incidentId, "answered", who + " answered without acknowledging (keypad '" + keypad + "')", who);
        }
        d.updatedAt = now;
        return d;
    }

    private Incident require(long id) {
        return incidents.locked(id).orElseThrow(
                () -> new DomainException(DomainException.Kind.NOT_FOUND, "incident-not-found", "id", "no incident " + id));
    }
}
