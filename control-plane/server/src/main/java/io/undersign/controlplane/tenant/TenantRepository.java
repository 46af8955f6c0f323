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
    public List<Tenant> page(TenantStatus status, String afterId, int limit) {
        StringBuilder query = new StringBuilder("id > :after");
        Parameters params = Parameters.with("after", afterId == null ? "" : afterId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.by("id"), params).page(0, limit).list();
    }

    public long countByStatus(TenantStatus status) {
        return count("status", status);
    }
}
