package io.undersign.controlplane.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** Raises incidents: a key already open is counted again, never raised twice. */
@ApplicationScoped
public class Incidents implements PanacheRepositoryBase<Incident, Long> {
    private static final Logger LOG = Logger.getLogger(Incidents.class);

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    public Incident raise(String key, String priority, String summary, String source) {
        Incident open = find("key = ?1 and status = ?2", key, Incident.OPEN).firstResult();
        if (open != null) {
            open.occurrences++;
            open.updatedAt = clock.instant();
            return open;
        }
        Incident incident = new Incident();
        incident.key = key;
        incident.priority = priority;
        incident.summary = summary;
        incident.source = source;
        incident.status = Incident.OPEN;
        incident.occurrences = 1;
        incident.openedAt = clock.instant();
        incident.updatedAt = incident.openedAt;
        persist(incident);
        LOG.warnf("Incident %s raised (%s): %s", key, priority, summary);
        return incident;
    }

    public List<Incident> open() {
        return list("status = ?1 order by openedAt desc", Incident.OPEN);
    }
}
