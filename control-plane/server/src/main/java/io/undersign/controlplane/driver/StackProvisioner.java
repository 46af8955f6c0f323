package io.undersign.controlplane.driver;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/** Makes (and on offboarding removes) a tenant's silo: its database, users and broker access. */
public interface StackProvisioner {

    /** Idempotent: re-running finds and reuses what an earlier run made. Returns names, never secrets. */
    Map<String, String> provision(TenantSpec tenant) throws Exception;

    /** Idempotent: removing what is already gone succeeds. */
    Map<String, String> destroy(TenantSpec tenant) throws Exception;

    /**
     * Idempotent, after every migration: the runtime's database user may add to the audit trail but
     * not change or delete it (rights table by table, new tables included).
     */
    void appendOnlyAudit(TenantSpec tenant) throws Exception;

    /**
     * Idempotent, before every migration: the tenant's key database exists and both users may use it
     * (tenants made before there was one get it on their next upgrade).
     */
    void ensureKeyDatabase(TenantSpec tenant) throws Exception;

    /** How the tenant's own code reaches its database (with the tenant's credentials). */
    TenantConnection connection(TenantSpec tenant);

    /** How the runtime reaches its database and broker, and how migrations reach the database (another user). */
    record TenantConnection(String jdbcUrl, String user, String password, String brokerUrl,
            String brokerUser, String brokerPassword, String migrationUser, String migrationPassword) {
        @Override
        public String toString() {
            return "TenantConnection[" + jdbcUrl + ", " + user + ", " + brokerUrl + ", " + brokerUser + ", " + migrationUser + "]";
        }
    }
}
