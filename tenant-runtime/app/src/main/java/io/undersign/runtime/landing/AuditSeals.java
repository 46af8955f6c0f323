package io.undersign.runtime.landing;

import io.undersign.contract.AuditChain;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links audit entries into the tenant's hash chain, oldest unsealed first. The chain head is locked
 * first, so two runtimes of the tenant (during an upgrade) never seal the same entry twice or fork
 * the chain; entries committed late by a long transaction are sealed when they appear, in the
 * order sealed (the chain's order is its seq, not the entry id).
 */
@ApplicationScoped
public class AuditSeals {
    static final int BATCH = 500;
    /** How far behind the newest sealed entry a late-committing one is still looked for. */
    static final int LATE_WINDOW = 2000;

    private record Head(long seq, String hash, long lastEventId) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @ConfigProperty(name = "undersign.tenant.id")
    String tenantId;

    /** Seals up to one batch; returns how many entries it sealed. */
    @Transactional
    public int sealPending() {
        Head head = jdbc.query("SELECT seq, hash, last_event_id FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                r -> new Head(r.getLong(1), r.getString(2), r.getLong(3))).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("audit_chain_head has no row: the tenant schema is older than V6"));
        List<AuditChain.Entry> pending = jdbc.query("SELECT e.id, " + AuditChain.AT_AS_TEXT + ", e.actor, e.action, e.detail"
                + " FROM tenant_audit_event e LEFT JOIN audit_seal s ON s.event_id = e.id"
                + " WHERE s.event_id IS NULL AND e.id > ? ORDER BY e.id LIMIT " + BATCH,
                r -> new AuditChain.Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)),
                head.lastEventId() - LATE_WINDOW);
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.seq();
        String previous = head.hash();
        long lastEventId = head.lastEventId();
        Timestamp now = Timestamp.from(clock.instant());
        for (AuditChain.Entry entry : pending) {
            seq++;
            String hash = AuditChain.hash(tenantId, seq, previous, entry);
            jdbc.update("INSERT INTO audit_seal (seq, event_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                    seq, entry.id(), previous, hash, now);
            previous = hash;
            lastEventId = Math.max(lastEventId, entry.id());
        }
        jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ?, last_event_id = ? WHERE id = 1", seq, previous, lastEventId);
        return pending.size();
    }
}
