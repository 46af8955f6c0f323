package io.undersign.controlplane.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads the audit trail. Records commit on their own, so a refused action is still recorded. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String tenantId, String requestId, String outcome, String detail) {
        AuditEvent e = new AuditEvent();
        e.at = clock.instant();
        e.actor = actor;
        e.action = action;
        e.tenantId = tenantId;
        e.requestId = requestId;
        e.outcome = outcome;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        persist(e);
    }

    /** Newest first; every filter optional; {@code beforeId} pages backwards. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> search(String tenantId, String actor, Instant from, Instant to, Long beforeId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (tenantId != null) {
            where.add("tenantId = :tenant");
            params.and("tenant", tenantId);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.and("actor", actor);
        }
        if (from != null) {
            where.add("at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.and("to", to);
        }
        if (beforeId != null) {
            where.add("id < :before");
            params.and("before", beforeId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(query, Sort.descending("id"), params).page(0, limit).list();
    }
}
