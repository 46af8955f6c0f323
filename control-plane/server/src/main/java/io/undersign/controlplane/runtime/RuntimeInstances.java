package io.undersign.controlplane.runtime;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class RuntimeInstances implements PanacheRepositoryBase<RuntimeInstance, String> {

    @Transactional
    public Optional<RuntimeInstance> find(String tenantId) {
        return findByIdOptional(tenantId);
    }

    @Transactional
    public void record(String tenantId, long pid, int port) {
        RuntimeInstance instance = findByIdOptional(tenantId).orElseGet(() -> {
            RuntimeInstance fresh = new RuntimeInstance();
            fresh.tenantId = tenantId;
            persist(fresh);
            return fresh;
        });
        if (instance.pid != pid || instance.port != port) {
            instance.pid = pid;
            instance.port = port;
            instance.startedAt = Instant.now();
        }
        if (instance.startedAt == null) {
            instance.startedAt = Instant.now();
        }
    }

    /** The port of every running runtime, by tenant. */
    @Transactional
    public java.util.Map<String, Integer> ports() {
        return listAll().stream().collect(java.util.stream.Collectors.toMap(i -> i.tenantId, i -> i.port));
    }

    @Transactional
    public void forget(String tenantId) {
        deleteById(tenantId);
    }

    @Transactional
    public Optional<RuntimeCandidate> candidate(String tenantId) {
        return Optional.ofNullable(getEntityManager().find(RuntimeCandidate.class, tenantId));
    }

    @Transactional
    public void recordCandidate(String tenantId, long pid, int port, String releaseId) {
        RuntimeCandidate candidate = getEntityManager().find(RuntimeCandidate.class, tenantId);
        boolean fresh = candidate == null;
        if (fresh) {
            candidate = new RuntimeCandidate();
            candidate.tenantId = tenantId;
        }
        candidate.pid = pid;
        candidate.port = port;
        candidate.releaseId = releaseId;
        candidate.role = RuntimeCandidate.STARTED;
        candidate.startedAt = Instant.now();
        if (fresh) {
            // the insert takes the row as it is now: complete it first
            getEntityManager().persist(candidate);
        }
    }

    /**
     * The candidate serves and the runtime it replaces becomes the candidate row, RETIRING, in one
     * transaction: the edge reads one or the other, never neither. Swapping again swaps back.
     */
    @Transactional
    public void swap(String tenantId) {
        RuntimeCandidate candidate = getEntityManager().find(RuntimeCandidate.class, tenantId);
        RuntimeInstance serving = findById(tenantId);
        if (candidate == null || serving == null) {
            throw new IllegalStateException("tenant " + tenantId + " has no " + (candidate == null ? "candidate" : "serving") + " runtime to swap");
        }
        long pid = serving.pid;
        int port = serving.port;
        Instant started = serving.startedAt;
        serving.pid = candidate.pid;
        serving.port = candidate.port;
        serving.startedAt = candidate.startedAt;
        candidate.pid = pid;
        candidate.port = port;
        candidate.startedAt = started;
        candidate.role = RuntimeCandidate.STARTED.equals(candidate.role) ? RuntimeCandidate.RETIRING : RuntimeCandidate.STARTED;
    }

    @Transactional
    public void forgetCandidate(String tenantId) {
        RuntimeCandidate candidate = getEntityManager().find(RuntimeCandidate.class, tenantId);
        if (candidate != null) {
            getEntityManager().remove(candidate);
        }
    }
}
