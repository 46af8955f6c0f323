package io.undersign.runtime.landing;

import io.quarkus.runtime.StartupEvent;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;

/** The tenant's own audit trail in its database; the runtime records its own starts there. */
@ApplicationScoped
public class RuntimeAudit {

    @Inject
    Jdbc jdbc;

    @Inject
    java.time.Clock clock;

    void started(@Observes StartupEvent event) {
        record("runtime", "runtime.started", "pid " + ProcessHandle.current().pid(), clock.instant());
    }

    /** One event; within a unit of work it commits (or not) with it. */
    public void record(String actor, String action, String detail, Instant at) {
        jdbc.update("INSERT INTO tenant_audit_event (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                Timestamp.from(at), actor, action, detail);
    }
}
