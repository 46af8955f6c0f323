package io.undersign.controlplane.runtime;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

/** The one owner of {@code runtime_supervision}. */
@ApplicationScoped
public class RuntimeSupervisions implements PanacheRepositoryBase<RuntimeSupervision, String> {

    @Transactional
    public Optional<RuntimeSupervision> find(String tenantId) {
        return findByIdOptional(tenantId);
    }

    /**
     * The runtime ended: when and how. Dying young (before it counted as stable) is a failure in
     * a row like a failed restart; the next start is due after the backoff for the failures so far.
     */
    @Transactional
    public RuntimeSupervision exited(String tenantId, Instant at, Integer code, String reason, boolean young,
            IntFunction<Duration> backoff) {
        RuntimeSupervision s = row(tenantId);
        if (young) {
            s.consecutiveFailures++;
        }
        s.lastExitAt = at;
        s.lastExitCode = code;
        s.lastExitReason = truncate(reason);
        s.nextAttemptAt = at.plus(backoff.apply(s.consecutiveFailures));
        return s;
    }

    /** A restart answered its health check. */
    @Transactional
    public void restarted(String tenantId) {
        RuntimeSupervision s = row(tenantId);
        s.restarts++;
        s.nextAttemptAt = null;
    }

    /** A restart did not come up; returns the failures in a row so far. */
    @Transactional
    public RuntimeSupervision restartFailed(String tenantId, Instant at, String reason, IntFunction<Duration> backoff) {
        RuntimeSupervision s = row(tenantId);
        s.consecutiveFailures++;
        s.lastExitAt = at;
        s.lastExitCode = null;
        s.lastExitReason = truncate("restart failed: " + reason);
        s.nextAttemptAt = at.plus(backoff.apply(s.consecutiveFailures));
        return s;
    }

    @Transactional
    public void incidentRaised(String tenantId, Instant at) {
        row(tenantId).incidentRaisedAt = at;
    }

    /** Up long enough after its last restart: the failures in a row are over. */
    @Transactional
    public void stable(String tenantId) {
        findByIdOptional(tenantId).ifPresent(s -> {
            s.consecutiveFailures = 0;
            s.incidentRaisedAt = null;
        });
    }

    @Transactional
    public void forget(String tenantId) {
        deleteById(tenantId);
    }

    private RuntimeSupervision row(String tenantId) {
        return findByIdOptional(tenantId).orElseGet(() -> {
            RuntimeSupervision fresh = new RuntimeSupervision();
            fresh.tenantId = tenantId;
            persist(fresh);
            return fresh;
        });
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
