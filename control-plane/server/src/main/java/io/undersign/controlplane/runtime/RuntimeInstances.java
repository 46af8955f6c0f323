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
}
