package io.undersign.controlplane.tenant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    public Tenant require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new TenantNotFoundException(id));
    }

    public Optional<Tenant> findByHost(String host) {
        return find("interviewHost = :h or apiHost = :h", Parameters.with("h", host)).firstResultOptional();
    }

    /** One page ordered by id, starting after {@code afterId} (keyset paging). */
    public List<Tenant> page(TenantStatus status, String tag, String afterId, int limit) {
        StringBuilder query = new StringBuilder("id > :after");
        Parameters params = Parameters.with("after", afterId == null ? "" : afterId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (tag != null) {
            query.append(" and :tag member of tags");
            params.and("tag", tag);
        }
        return find(query.toString(), Sort.by("id"), params).page(0, limit).list();
    }

    private static final String AT_REST = "t.status = ?1 and not exists (select 1 from Operation o where o.tenantId = t.id and o.status in ?2)";
    private static final java.util.List<io.undersign.controlplane.operation.OperationStatus> WORKING = java.util.List.of(
            io.undersign.controlplane.operation.OperationStatus.PENDING, io.undersign.controlplane.operation.OperationStatus.RUNNING);

    /** ACTIVE tenants no operation is working on: the ones whose runtimes must be up. */
    public java.util.List<Tenant> activeAtRest() {
        return list("from Tenant t where " + AT_REST, TenantStatus.ACTIVE, WORKING);
    }

    public boolean isActiveAtRest(String id) {
        return count("from Tenant t where t.id = ?3 and " + AT_REST, TenantStatus.ACTIVE, WORKING, id) > 0;
    }

    /** ACTIVE tenants carrying {@code tag}, by id. */
    public List<Tenant> activeTagged(String tag) {
        return list("status = ?1 and ?2 member of tags order by id", TenantStatus.ACTIVE, tag);
    }

    public long countByStatus(TenantStatus status) {
        return count("status", status);
    }

    /** How many tenants are in each status (statuses with none are absent). */
    @jakarta.transaction.Transactional
    public java.util.Map<TenantStatus, Long> countsByStatus() {
        java.util.Map<TenantStatus, Long> counts = new java.util.EnumMap<>(TenantStatus.class);
        getEntityManager().createQuery("select t.status, count(t) from Tenant t group by t.status", Object[].class)
                .getResultList().forEach(row -> counts.put((TenantStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** How many tenants that are not offboarded run each release ("none": no release recorded yet). */
    @jakarta.transaction.Transactional
    public java.util.Map<String, Long> countsByRelease() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        getEntityManager().createQuery("select coalesce(t.currentRelease, 'none'), count(t) from Tenant t where t.status <> ?1 "
                + "group by coalesce(t.currentRelease, 'none')", Object[].class).setParameter(1, TenantStatus.OFFBOARDED)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** The tenants with these ids, by id, detached from the session (read by the edge off any transaction). */
    @jakarta.transaction.Transactional
    public java.util.Map<String, Tenant> byIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return list("id in ?1", ids).stream().collect(java.util.stream.Collectors.toMap(t -> t.id, t -> t));
    }
}
