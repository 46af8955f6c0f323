package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.broker.BrokerAccounts;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantDatabases;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.secret.Passwords;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A silo on this machine: database {@code tenant_<id>} with a user granted on it alone, and a
 * broker user confined (by {@code TenantAuthorizationMap}) to {@code undersign.<id>.>}.
 * Passwords are generated once and kept in the secret store, so every re-run converges.
 */
@ApplicationScoped
@Typed(LocalStackProvisioner.class)
public class LocalStackProvisioner implements StackProvisioner {

    @Inject
    MysqlServer mysql;

    @Inject
    SecretStore secrets;

    @Inject
    BrokerAccounts brokerAccounts;

    @Inject
    UndersignConfig config;

    @Inject
    TenantPki pki;

    @Inject
    io.undersign.controlplane.privacy.RootKeyDeletions rootKeyDeletions;

    @Override
    public void ensureKeyDatabase(TenantSpec tenant) throws Exception {
        try (Connection c = mysql.admin()) {
            TenantDatabases.ensureKeyDatabase(c, TenantNames.database(tenant.id()), config.local().tenantUserHost(),
                    TenantNames.databaseUser(tenant.id()), TenantNames.migrationUser(tenant.id()));
        }
    }

    @Override
    public void appendOnlyAudit(TenantSpec tenant) throws Exception {
        try (Connection c = mysql.admin()) {
            TenantDatabases.appendOnlyAudit(c, TenantNames.database(tenant.id()), config.local().tenantUserHost(),
                    TenantNames.databaseUser(tenant.id()));
        }
    }

    @Override
    public Map<String, String> provision(TenantSpec tenant) throws Exception {
        String database = TenantNames.database(tenant.id());
        String user = TenantNames.databaseUser(tenant.id());
        String dbPassword = secrets.getOrCreate(TenantNames.dbPasswordSecret(tenant.id()), Passwords::generate);
        String migrationPassword = secrets.getOrCreate(TenantNames.migrationPasswordSecret(tenant.id()), Passwords::generate);
        String brokerPassword = secrets.getOrCreate(TenantNames.brokerPasswordSecret(tenant.id()), Passwords::generate);
        rootKeyDeletions.startAfresh(tenant.id());
        try (Connection c = mysql.admin()) {
            TenantDatabases.ensure(c, database, new TenantDatabases.Users(config.local().tenantUserHost(), user, dbPassword,
                    TenantNames.migrationUser(tenant.id()), migrationPassword));
        }
        String brokerUser = TenantNames.brokerUser(tenant.id());
        brokerAccounts.ensure(brokerUser, tenant.id(), brokerPassword);
        // the tenant's own CA: its integrators' client certificates come from it (mutual TLS on api.)
        String clientCa = pki.clientCa(tenant.id()).certificate().getSubjectX500Principal().getName();
        return Map.of("database", database, "databaseUser", user, "migrationUser", TenantNames.migrationUser(tenant.id()),
                "brokerUser", brokerUser,
                "destinations", TenantNames.destinationPrefix(tenant.id()) + ">", "clientCa", clientCa);
    }

    @Override
    public Map<String, String> destroy(TenantSpec tenant) throws Exception {
        String database = TenantNames.database(tenant.id());
        String user = TenantNames.databaseUser(tenant.id());
        try (Connection c = mysql.admin()) {
            TenantDatabases.drop(c, database);
            TenantDatabases.dropUsers(c, config.local().tenantUserHost(), user, TenantNames.migrationUser(tenant.id()));
        }
        brokerAccounts.remove(TenantNames.brokerUser(tenant.id()));
        brokerAccounts.remove(TenantNames.evidenceProviderUser(tenant.id()));
        secrets.delete(TenantNames.dbPasswordSecret(tenant.id()));
        secrets.delete(TenantNames.migrationPasswordSecret(tenant.id()));
        secrets.delete(TenantNames.brokerPasswordSecret(tenant.id()));
        pki.forget(tenant.id());
        return Map.of("droppedDatabase", database, "droppedUser", user);
    }

    @Override
    public TenantConnection connection(TenantSpec tenant) {
        String dbPassword = secrets.get(TenantNames.dbPasswordSecret(tenant.id()))
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no database password; provision it first"));
        String brokerPassword = secrets.get(TenantNames.brokerPasswordSecret(tenant.id()))
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no broker password; provision it first"));
        String migrationPassword = secrets.get(TenantNames.migrationPasswordSecret(tenant.id()))
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no migration password; provision it first"));
        return new TenantConnection(mysql.url(TenantNames.database(tenant.id())), TenantNames.databaseUser(tenant.id()),
                dbPassword, config.broker().clientUrl(), TenantNames.brokerUser(tenant.id()), brokerPassword,
                TenantNames.migrationUser(tenant.id()), migrationPassword);
    }
}
