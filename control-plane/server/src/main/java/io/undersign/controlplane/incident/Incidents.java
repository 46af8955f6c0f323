package io.undersign.controlplane.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Raises incidents: a key already open is counted again, never raised twice, so it is paged once.
 * A new one gets an acknowledgement code and is due for paging at once.
 */
@ApplicationScoped
public class Incidents implements PanacheRepositoryBase<Incident, Long> {
    private static final Logger LOG = Logger.getLogger(Incidents.class);
    /** No 0/O, 1/I: read out over a phone line or typed on a small keyboard. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    /** What {@link #raise} did: a new incident, or one more occurrence of an open one. */
    public record Raised(Incident incident, boolean created) {
    }

    @Inject
    IncidentRaiser raiser;

    /** Raised in a transaction of its own: an incident stays raised whatever becomes of the caller's work. */
    public Incident raise(String key, String priority, String summary, String source) {
        return raiseOrCount(key, priority, summary, source).incident();
    }

    public Raised raiseOrCount(String key, String priority, String summary, String source) {
        try {
            return raiser.raise(key, priority, summary, source);
        } catch (jakarta.persistence.PersistenceException e) {
            // raised by someone else between our look and our insert (ux_incident_open_key): count on theirs
            return raiser.raise(key, priority, summary, source);
        }
    }

    /** The write behind {@link Incidents#raise}; package-private so callers go through the retry. */
    @ApplicationScoped
    static class IncidentRaiser {
        @Inject
        Incidents incidents;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        Raised raise(String key, String priority, String summary, String source) {
            Raised r = incidents.insertOrCount(key, priority, summary, source);
            incidents.flush();
            return r;
        }
    }

    Raised insertOrCount(String key, String priority, String summary, String source) {
        Instant now = clock.instant();
        Incident open = findOpen(key).orElse(null);
        if (open != null) {
            // one column, atomically: a whole-row write from this (older) read would undo what paging just recorded
            update("occurrences = occurrences + 1, updatedAt = ?1 where id = ?2", now, open.id);
            getEntityManager().refresh(open);
            return new Raised(open, false);
        }
        Incident incident = new Incident();
        incident.key = key;
        incident.priority = priority;
        incident.summary = summary;
        incident.source = source;
        incident.status = Incident.OPEN;
        incident.occurrences = 1;
        incident.openedAt = now;
        incident.updatedAt = now;
        incident.ackCode = freshCode();
        incident.routing = Incident.Routing.PENDING;
        incident.nextEscalationAt = now;
        persist(incident);
        event(incident.id, "raised", priority + " from " + source + ": " + summary, null);
        LOG.warnf("Incident %s raised (%s): %s", key, priority, summary);
        return new Raised(incident, true);
    }

    public Optional<Incident> findOpen(String key) {
        return find("key = ?1 and status in ?2", key, Incident.OPEN_STATES).firstResultOptional();
    }

    public List<Incident> open() {
        return list("status in ?1 order by openedAt desc", Incident.OPEN_STATES);
    }

    /** Adds a line to the incident's timeline. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void event(long incidentId, String kind, String detail, String actor) {
        IncidentEvent e = new IncidentEvent();
        e.incidentId = incidentId;
        e.at = clock.instant();
        e.kind = kind;
        e.detail = detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        e.actor = actor;
        getEntityManager().persist(e);
    }

    public List<IncidentEvent> timeline(long incidentId) {
        return getEntityManager().createQuery("from IncidentEvent where incidentId = ?1 order by id", IncidentEvent.class)
                .setParameter(1, incidentId).getResultList();
    }

    /**
     * The incident, read under its row lock. It must be the transaction's first read of the row: under
     * REPEATABLE READ an earlier plain read would fix a snapshot older than the lock.
     */
    public Optional<Incident> locked(long id) {
        if (getEntityManager().createNativeQuery("SELECT id FROM incident WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList().isEmpty()) {
            return Optional.empty();
        }
        Incident incident = findById(id);
        getEntityManager().refresh(incident);
        return Optional.of(incident);
    }

    private String freshCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            if (count("ackCode = ?1 and status in ?2", code.toString(), Incident.OPEN_STATES) == 0) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free acknowledgement code after 20 tries");
    }
}
