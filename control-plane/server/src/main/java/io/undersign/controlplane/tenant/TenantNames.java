package io.undersign.controlplane.tenant;

import io.undersign.controlplane.secret.Digests;

/** The names a tenant's resources get, derived from its id so every step can find them again. */
public final class TenantNames {
    private static final int MYSQL_USER_MAX = 32;

    private TenantNames() {
    }

    public static String database(String tenantId) {
        return "tenant_" + tenantId.replace('-', '_');
    }

    /** The runtime's database user. */
    public static String databaseUser(String tenantId) {
        return mysqlUser("t_", tenantId);
    }

    /** The migrations' database user (schema changes; the control plane alone uses it). */
    public static String migrationUser(String tenantId) {
        return mysqlUser("m_", tenantId);
    }

    /** The tenant's key database beside its data (wrapped data keys; never in the data's dumps). */
    public static String keyDatabase(String tenantId) {
        return io.undersign.privacy.KeyStore.schemaFor(database(tenantId));
    }

    /** The tenant's local root key (a Tink keyset) in the control plane's secret store. */
    public static String rootKeySecret(String tenantId) {
        return "tenant/" + tenantId + "/root-key";
    }

    public static String migrationPasswordSecret(String tenantId) {
        return "tenant/" + tenantId + "/db-migration-password";
    }

    /** MySQL 8 allows 32 characters in a user name; long ids get a stable hashed suffix. */
    private static String mysqlUser(String prefix, String tenantId) {
        String plain = prefix + tenantId.replace('-', '_');
        if (plain.length() <= MYSQL_USER_MAX) {
            return plain;
        }
        return plain.substring(0, MYSQL_USER_MAX - 9) + "_" + Digests.sha256Hex(tenantId).substring(0, 8);
    }

    public static String brokerUser(String tenantId) {
        return "tenant-" + tenantId;
    }

    /** Every destination of the tenant starts with this; the broker refuses the tenant anything else. */
    public static String destinationPrefix(String tenantId) {
        return io.undersign.contract.EvidenceQueues.destinationPrefix(tenantId);
    }

    public static String dbPasswordSecret(String tenantId) {
        return "tenant/" + tenantId + "/db-password";
    }

    /** The broker user of the tenant's evidence provider (reads requests, writes results). */
    public static String evidenceProviderUser(String tenantId) {
        return "provider-" + tenantId;
    }

    public static String brokerPasswordSecret(String tenantId) {
        return "tenant/" + tenantId + "/broker-password";
    }

    /** The tenant's realm on the local identity provider ("master" is a valid tenant id, hence the prefix). */
    public static String realm(String tenantId) {
        return "tenant-" + tenantId;
    }

    public static String oidcClientSecret(String tenantId) {
        return "tenant/" + tenantId + "/oidc-client-secret";
    }

    public static String demoUnderwriterPassword(String tenantId, String username) {
        return "tenant/" + tenantId + "/demo-underwriter/" + username;
    }
}
