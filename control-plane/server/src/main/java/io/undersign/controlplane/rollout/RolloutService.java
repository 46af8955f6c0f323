package io.undersign.controlplane.rollout;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.controlplane.operation.Operation;
import io.undersign.controlplane.operation.OperationKind;
import io.undersign.controlplane.operation.OperationService;
import io.undersign.controlplane.operation.OperationStatus;
import io.undersign.controlplane.operation.OperationStore;
import io.undersign.controlplane.release.ReleaseService;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import io.undersign.controlplane.tenant.TenantTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Rollouts: started with the tenants and their waves fixed, then advanced by {@link RolloutCoordinator}
 * one locked step at a time. A step reads the state, records what it starts in the same
 * transaction, and is safe to repeat: a control plane killed anywhere goes on where it was.
 */
@ApplicationScoped
public class RolloutService {
    private static final Logger LOG = Logger.getLogger(RolloutService.class);

    public record Started(Rollout rollout, List<RolloutTenant> tenants) {
    }

    @Inject
    EntityManager em;

    @Inject
    ReleaseService releases;

    @Inject
    TenantRepository tenants;

    @Inject
    OperationService operations;

    @Inject
    OperationStore operationStore;

    @Inject
    Incidents incidents;

    @Inject
    Clock clock;

    @Transactional
    public Started start(String releaseId, String selector, String waves, int maxFailures, int parallel, String actor) {
        releases.require(releaseId);
        if (maxFailures < 0) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-max-failures", "maxFailures", "maxFailures must be 0 or more");
        }
        if (parallel < 1 || parallel > 50) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-parallel", "parallel", "parallel must be between 1 and 50");
        }
        List<Tenant> chosen = select(selector);
        if (chosen.isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "no-tenants", "tenants", "no ACTIVE tenant matches '" + selector + "'");
        }
        List<Integer> waveOf;
        try {
            waveOf = Waves.assign(waves, chosen.size());
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-waves", "waves", e.getMessage());
        }
        Instant now = clock.instant();
        Rollout r = new Rollout();
        r.id = UUID.randomUUID().toString();
        r.releaseId = releaseId;
        r.selector = selector;
        r.waves = waves;
        r.maxFailures = maxFailures;
        r.parallel = parallel;
        r.status = Rollout.Status.RUNNING;
        r.createdBy = actor;
        r.createdAt = now;
        r.updatedAt = now;
        em.persist(r);
        List<RolloutTenant> rows = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            RolloutTenant row = new RolloutTenant();
            row.rolloutId = r.id;
            row.tenantId = chosen.get(i).id;
            row.wave = waveOf.get(i);
            row.position = i;
            row.status = RolloutTenant.Status.PENDING;
            row.updatedAt = now;
            em.persist(row);
            rows.add(row);
        }
        return new Started(r, rows);
    }

    /** all, tag:T (the ACTIVE tenants carrying T), or a,b,c (each an ACTIVE tenant). */
    private List<Tenant> select(String selector) {
        if (selector == null || selector.isBlank()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-tenants", "tenants", "tenants must be all, tag:T or a,b,c");
        }
        if (selector.strip().equals("all")) {
            return tenants.list("status = ?1 order by id", TenantStatus.ACTIVE);
        }
        if (selector.startsWith("tag:")) {
            String tag = TenantTags.require(selector.substring("tag:".length()).strip(), "tenants");
            List<Tenant> tagged = tenants.activeTagged(tag);
            if (tagged.isEmpty()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "no-tenants", "tenants", "no ACTIVE tenant carries tag " + tag);
            }
            return tagged;
        }
        List<Tenant> named = new ArrayList<>();
        for (String id : Arrays.stream(selector.split(",")).map(String::strip).distinct().toList()) {
            Tenant tenant = tenants.require(id);
            if (tenant.status != TenantStatus.ACTIVE) {
                throw new DomainException(DomainException.Kind.CONFLICT, "tenant-not-active", "tenants", "tenant " + id + " is " + tenant.status);
            }
            named.add(tenant);
        }
        return named;
    }

    @Transactional
    public Rollout require(String id) {
        Rollout r = id == null ? null : em.find(Rollout.class, id);
        if (r == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "rollout-not-found", "id", "no rollout " + id);
        }
        return r;
    }

    @Transactional
    public List<RolloutTenant> tenantsOf(String id) {
        return em.createQuery("from RolloutTenant where rolloutId = ?1 order by position", RolloutTenant.class).setParameter(1, id).getResultList();
    }

    @Transactional
    public List<Rollout> recent(int limit) {
        return em.createQuery("from Rollout order by createdAt desc", Rollout.class).setMaxResults(limit).getResultList();
    }

    /** Ids of rollouts still to advance. */
    @Transactional
    public List<String> unfinished() {
        return em.createQuery("select r.id from Rollout r where r.status in ?1", String.class)
                .setParameter(1, List.of(Rollout.Status.RUNNING, Rollout.Status.PAUSED)).getResultList();
    }

    /** pause, resume, abort: each idempotent (asking again what already holds changes nothing). */
    @Transactional
    public Rollout control(String id, String action, String reason) {
        Rollout r = lockedOrNotFound(id);
        Rollout.Status wanted = switch (action) {
            case "pause" -> Rollout.Status.PAUSED;
            case "resume" -> Rollout.Status.RUNNING;
            case "abort" -> Rollout.Status.ABORTED;
            default -> throw new IllegalArgumentException(action);
        };
        if (r.status == wanted) {
            return r;
        }
        if (r.status.finished()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "rollout-finished", "id", "rollout " + id + " is " + r.status + ": it cannot " + action);
        }
        r.status = wanted;
        r.reason = action + (reason == null || reason.isBlank() ? "" : ": " + reason);
        r.updatedAt = clock.instant();
        return r;
    }

    /**
     * One step of a rollout, under its row lock: what its running tenants' operations ended as, a
     * halt past the failure budget (an incident raised), and the next tenants of the current wave
     * started, up to the parallel limit. Later waves start only once every tenant of this one ended.
     */
    @Transactional
    public void advance(String id) {
        Rollout r = locked(id);
        if (r == null || r.status.finished()) {
            return;
        }
        Instant now = clock.instant();
        List<RolloutTenant> rows = tenantsOf(id);
        for (RolloutTenant row : rows) {
            if (row.status == RolloutTenant.Status.RUNNING) {
                Operation op = operationStore.findById(row.operationId);
                if (op != null && op.status == OperationStatus.SUCCEEDED) {
                    finish(row, RolloutTenant.Status.SUCCEEDED, null, now);
                } else if (op != null && op.status == OperationStatus.FAILED) {
                    finish(row, RolloutTenant.Status.FAILED, op.error, now);
                }
            }
        }
        List<RolloutTenant> failed = rows.stream().filter(row -> row.status == RolloutTenant.Status.FAILED).toList();
        if (failed.size() > r.maxFailures) {
            r.status = Rollout.Status.HALTED;
            r.reason = failed.size() + " tenant(s) failed, " + r.maxFailures + " allowed: " + failed.get(0).tenantId + ": " + failed.get(0).error;
            r.updatedAt = now;
            incidents.raise("rollout-halted:" + r.id, "P2", "Rollout of release " + r.releaseId + " halted: " + r.reason, "rollout");
            LOG.warnf("Rollout %s of release %s halted: %s", r.id, r.releaseId, r.reason);
            return;
        }
        if (r.status == Rollout.Status.PAUSED) {
            return;
        }
        int wave = rows.stream().filter(row -> row.status == RolloutTenant.Status.PENDING || row.status == RolloutTenant.Status.RUNNING)
                .mapToInt(row -> row.wave).min().orElse(-1);
        if (wave < 0) {
            r.status = Rollout.Status.SUCCEEDED;
            r.updatedAt = now;
            return;
        }
        long running = rows.stream().filter(row -> row.wave == wave && row.status == RolloutTenant.Status.RUNNING).count();
        for (RolloutTenant row : rows) {
            if (running >= r.parallel) {
                break;
            }
            if (row.wave != wave || row.status != RolloutTenant.Status.PENDING) {
                continue;
            }
            Tenant tenant = tenants.require(row.tenantId);
            if (r.releaseId.equals(tenant.currentRelease)) {
                finish(row, RolloutTenant.Status.SUCCEEDED, null, now);
            } else if (tenant.status != TenantStatus.ACTIVE) {
                finish(row, RolloutTenant.Status.SKIPPED, "tenant is " + tenant.status, now);
            } else if (operationStore.findActive(tenant.id).isEmpty()) {
                java.util.Optional<String> refused = releases.whyNotMovable(tenant, r.releaseId);
                if (refused.isPresent()) {
                    finish(row, RolloutTenant.Status.FAILED, refused.get(), now);
                    continue;
                }
                Operation op = operations.start(tenant.id, OperationKind.UPGRADE, "rollout " + r.id, r.releaseId);
                row.operationId = op.id;
                row.status = RolloutTenant.Status.RUNNING;
                row.updatedAt = now;
                running++;
            }
        }
        r.updatedAt = now;
    }

    /**
     * Takes the tenants wave {@code wave} (1-based) moved back to their previous release, each by its
     * own UPGRADE operation; only once the rollout no longer moves tenants (paused or ended), so the
     * two never race. Repeating it starts nothing new.
     */
    @Transactional
    public Rollout rollbackWave(String id, int wave, String reason, String actor) {
        Rollout r = lockedOrNotFound(id);
        if (r.status == Rollout.Status.RUNNING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "rollout-running", "id",
                    "rollout " + id + " is still moving tenants: pause or abort it first");
        }
        List<RolloutTenant> moved = tenantsOf(id).stream().filter(row -> row.wave == wave - 1).toList();
        if (moved.isEmpty()) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-wave", "wave", "rollout " + id + " has no wave " + wave);
        }
        Instant now = clock.instant();
        for (RolloutTenant row : moved) {
            Tenant tenant = tenants.require(row.tenantId);
            if (row.status != RolloutTenant.Status.SUCCEEDED || !r.releaseId.equals(tenant.currentRelease) || tenant.previousRelease == null
                    || tenant.status != TenantStatus.ACTIVE || operationStore.findActive(tenant.id).isPresent()) {
                continue;
            }
            Operation op = operations.start(tenant.id, OperationKind.UPGRADE, actor, tenant.previousRelease);
            row.operationId = op.id;
            finish(row, RolloutTenant.Status.ROLLED_BACK, "back to " + tenant.previousRelease + (reason == null ? "" : ": " + reason), now);
        }
        r.updatedAt = now;
        return r;
    }

    private Rollout lockedOrNotFound(String id) {
        Rollout r = id == null ? null : locked(id);
        if (r == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "rollout-not-found", "id", "no rollout " + id);
        }
        return r;
    }

    /**
     * The rollout, read under its row lock (replicas advance it one at a time). Taken with a plain
     * SELECT … FOR UPDATE: Hibernate's MySQL dialect writes FOR UPDATE OF, which MariaDB refuses.
     * It must be the transaction's first read of the rollout: under REPEATABLE READ the first plain
     * read fixes the snapshot, and a snapshot older than the lock would hand back a stale version
     * (a pause racing the coordinator's tick failed with an optimistic-lock 500 that way).
     */
    private Rollout locked(String id) {
        if (em.createNativeQuery("SELECT id FROM rollout WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList().isEmpty()) {
            return null;
        }
        Rollout r = em.find(Rollout.class, id);
        em.refresh(r);
        return r;
    }

    private static void finish(RolloutTenant row, RolloutTenant.Status status, String error, Instant now) {
        row.status = status;
        row.error = error;
        row.updatedAt = now;
    }
}
