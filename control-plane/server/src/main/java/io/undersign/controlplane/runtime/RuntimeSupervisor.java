package io.undersign.controlplane.runtime;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.undersign.controlplane.audit.AuditLog;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.local.LocalRuntimeDeployer;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every ACTIVE tenant's runtime up, all the time: a runtime that died is forgotten by the
 * edge at once (which then answers 503, never an empty 502) and started again, the first time
 * straight away, then with a doubling backoff while restarts fail or die young. Restarts and the
 * last exit are recorded for {@code tenants show}, counted in a metric and audited; after
 * {@code incident-after} failures in a row an incident is raised. One replica supervises at a
 * time (a MySQL named lock); tenants an operation is working on are left to it.
 */
@ApplicationScoped
public class RuntimeSupervisor {
    private static final Logger LOG = Logger.getLogger(RuntimeSupervisor.class);
    static final String ACTOR = "runtime-supervisor";
    private static final String LEADER_LOCK = "undersign.runtime-supervisor";

    @Inject
    io.undersign.controlplane.incident.Incidents incidents;

    @Inject
    UndersignConfig config;

    @Inject
    TenantRepository tenants;

    @Inject
    RuntimeInstances instances;

    @Inject
    RuntimeSupervisions records;

    @Inject
    LocalRuntimeDeployer deployer;

    @Inject
    io.undersign.controlplane.edge.RouteTable routes;

    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private ScheduledExecutorService executor;
    private Connection leadership;

    /** Called once the start-up reconciliation is done, so the two never start the same runtime. */
    synchronized void begin() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runtime-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = config.runtime().supervision().interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
        closeLeadership();
    }

    void tick() {
        try {
            if (!leader()) {
                return;
            }
            List<TenantSpec> watched = QuarkusTransaction.requiringNew().call(() -> tenants.activeAtRest().stream().map(Tenant::spec).toList());
            for (TenantSpec tenant : watched) {
                supervise(tenant);
            }
        } catch (Exception e) {
            LOG.warnf("Runtime supervision round failed, trying again: %s", e.getMessage());
        }
    }

    private void supervise(TenantSpec tenant) throws Exception {
        Instant now = clock.instant();
        Optional<RuntimeInstance> instance = instances.find(tenant.id());
        if (instance.isPresent()) {
            RuntimeInstance running = instance.get();
            if (deployer.alive(running.pid)) {
                boolean settled = running.startedAt != null && running.startedAt.plus(config.runtime().supervision().stableAfter()).isBefore(now);
                if (settled && records.find(tenant.id()).map(r -> r.consecutiveFailures > 0).orElse(false)) {
                    records.stable(tenant.id());
                }
                return;
            }
            died(tenant, running, now);
        }
        RuntimeSupervision record = records.find(tenant.id()).orElse(null);
        if (record != null && record.nextAttemptAt != null && now.isBefore(record.nextAttemptAt)) {
            return; // backing off
        }
        restart(tenant);
    }

    private void died(TenantSpec tenant, RuntimeInstance running, Instant now) {
        Integer code = deployer.exitCode(tenant.id(), running.pid).orElse(null);
        String reason = code == null ? "process " + running.pid + " ended" : exitText(code);
        boolean young = running.startedAt == null || running.startedAt.plus(config.runtime().supervision().stableAfter()).isAfter(now);
        // the edge stops sending it requests now, before the restart, and says why
        instances.forget(tenant.id());
        routes.reload();
        RuntimeSupervision record = records.exited(tenant.id(), now, code, reason, young, this::backoff);
        LOG.warnf("Runtime of tenant %s (pid %d) %s; restarting%s", tenant.id(), running.pid, reason,
                record.nextAttemptAt.isAfter(now) ? " in " + Duration.between(now, record.nextAttemptAt).toSeconds() + " s" : "");
        audit.record(ACTOR, "runtime.exited", tenant.id(), eventId(), "observed", reason);
        raiseIncidentIfDue(tenant, record);
    }

    private void restart(TenantSpec tenant) {
        try {
            Optional<java.util.Map<String, String>> outputs = deployer.deployIf(tenant, () -> stillWanted(tenant.id()));
            if (outputs.isEmpty()) {
                return; // an operation took the tenant over meanwhile
            }
            records.restarted(tenant.id());
            restarts(tenant.id()).increment();
            LOG.infof("Runtime of tenant %s is back: pid %s, port %s (%s)", tenant.id(), outputs.get().get("pid"), outputs.get().get("port"),
                    outputs.get().get("runtime"));
            audit.record(ACTOR, "runtime.restarted", tenant.id(), eventId(), "succeeded", "pid " + outputs.get().get("pid"));
        } catch (Exception e) {
            Instant now = clock.instant();
            RuntimeSupervision record = records.restartFailed(tenant.id(), now, e.getMessage(), this::backoff);
            LOG.errorf("Runtime of tenant %s did not come back (%d in a row): %s", tenant.id(), record.consecutiveFailures, e.getMessage());
            audit.record(ACTOR, "runtime.restarted", tenant.id(), eventId(), "failed", e.getMessage());
            raiseIncidentIfDue(tenant, record);
        }
    }

    /**
     * A runtime that keeps failing is a P1 (the tenant's hosts answer 503): an incident paged through
     * on-call, an ERROR line with a fixed prefix for log-based alerting and an audit entry, raised once
     * per run of failures.
     */
    private void raiseIncidentIfDue(TenantSpec tenant, RuntimeSupervision record) {
        if (record.consecutiveFailures >= config.runtime().supervision().incidentAfter() && record.incidentRaisedAt == null) {
            String summary = "runtime of tenant " + tenant.id() + " failed " + record.consecutiveFailures + " restarts in a row; last: "
                    + record.lastExitReason;
            LOG.errorf("INCIDENT P1 tenant-runtime-down: %s", summary);
            incidents.raise("runtime-down:" + tenant.id(), "P1", summary, "supervisor");
            audit.record(ACTOR, "incident.raised", tenant.id(), eventId(), "P1", summary);
            records.incidentRaised(tenant.id(), clock.instant());
        }
    }

    /** Audit entries carry a request id; the supervisor's own actions get one each. */
    private static String eventId() {
        return "supervisor-" + java.util.UUID.randomUUID();
    }

    private boolean stillWanted(String tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> tenants.isActiveAtRest(tenantId));
    }

    private Duration backoff(int failuresInARow) {
        var s = config.runtime().supervision();
        return backoff(failuresInARow, s.backoff(), s.maxBackoff());
    }

    /** No wait before the first restart; then {@code first}, doubling with each failure in a row, at most {@code max}. */
    static Duration backoff(int failuresInARow, Duration first, Duration max) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        long millis = first.toMillis() << Math.min(failuresInARow - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    private Counter restarts(String tenantId) {
        return Counter.builder("undersign.runtime.restarts").description("Restarts of tenant runtimes by their supervisor")
                .tag("tenant", tenantId).register(metrics);
    }

    static String exitText(int code) {
        if (code > 128) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> "SIGKILL";
                case 15 -> "SIGTERM";
                case 6 -> "SIGABRT";
                case 11 -> "SIGSEGV";
                default -> "signal " + signal;
            };
            return "was killed by " + name + " (exit code " + code + ")";
        }
        return "exited with code " + code;
    }

    /** Whether this replica supervises: it holds the named lock on a connection of its own. */
    private boolean leader() {
        try {
            if (leadership != null && leadership.isValid(2)) {
                return true;
            }
            closeLeadership();
            Connection c = dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                s.setString(1, LEADER_LOCK);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getInt(1) == 1) {
                        leadership = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            closeLeadership();
            return false;
        }
    }

    private void closeLeadership() {
        if (leadership != null) {
            // released before the connection goes back to the pool, which would keep it held
            try (PreparedStatement s = leadership.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                s.setString(1, LEADER_LOCK);
                s.executeQuery().close();
            } catch (SQLException ignored) {
                // a broken connection: the server released the lock with it
            }
            try {
                leadership.close();
            } catch (SQLException ignored) {
                // the server releases the lock with the connection
            }
            leadership = null;
        }
    }
}
