package io.undersign.runtime.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.broker.BrokerService;
import org.flywaydb.core.Flyway;

/**
 * What the control plane gives a tenant runtime, made for one test run: its own database on the
 * real MySQL-compatible server ({@code UNDERSIGN_MYSQL_URL}, else 127.0.0.1:3306), migrated with
 * the tenant migrations exactly as the control plane runs them, and a real ActiveMQ broker. Both
 * are removed when the run ends.
 */
public class TenantStack implements QuarkusTestResourceLifecycleManager {
    public static final String TENANT = "rt-test";
    private static final String MIGRATIONS = java.nio.file.Path.of("../../migrations/src/main/resources/db/tenant").toAbsolutePath().normalize().toString();
    private static String server;
    private static String database;
    private static String rootKey;
    private BrokerService broker;

    @Override
    public Map<String, String> start() {
        server = System.getenv().getOrDefault("UNDERSIGN_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");
        database = "tenant_rt_test_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(server + "/", "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("CREATE DATABASE `" + keyDatabase() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("the runtime's tests need a MySQL-compatible server at " + server
                    + " (root, no password) or UNDERSIGN_MYSQL_URL: " + e.getMessage(), e);
        }
        // the files the control plane migrates every tenant with, read where they are kept
        Flyway.configure().dataSource(url(), "root", "").locations("filesystem:" + MIGRATIONS).load().migrate();
        // the tenant's key database and keyring, as the control plane makes them when it migrates a tenant
        Flyway.configure().dataSource(server + "/" + keyDatabase(), "root", "").locations("filesystem:" + MIGRATIONS + "-keys").load().migrate();
        rootKey = io.undersign.privacy.RootKeys.newLocal();
        try (Connection c = DriverManager.getConnection(url(), "root", "")) {
            io.undersign.privacy.TenantKeyring.ensure(c, io.undersign.privacy.RootKeys.local(rootKey), keyStore());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot make the test tenant's keyring", e);
        }
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            broker = new BrokerService();
            broker.setBrokerName("runtime-test");
            broker.setPersistent(false);
            broker.setUseJmx(false);
            broker.addConnector("tcp://127.0.0.1:" + port);
            broker.start();
            broker.waitUntilStarted();
            return Map.ofEntries(Map.entry("undersign.privacy.root-key", rootKey), Map.entry("undersign.privacy.key-database", keyDatabase()),
                    Map.entry("undersign.tenant.id", TENANT), Map.entry("undersign.tenant.api-url", "https://api.uw.rt-test.localhost:8444"),
                    Map.entry("undersign.broker.url", "failover:(tcp://127.0.0.1:" + port + ")?maxReconnectAttempts=-1"),
                    Map.entry("undersign.broker.username", "tenant-" + TENANT), Map.entry("undersign.broker.password", "unused-here"),
                    Map.entry("quarkus.datasource.jdbc.url", url()), Map.entry("quarkus.datasource.username", "root"),
                    Map.entry("quarkus.datasource.password", ""));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test broker", e);
        }
    }

    /** The test run's tenant database, for tests that look at what was stored. */
    public static String url() {
        return server + "/" + database;
    }

    public static String keyDatabase() {
        return io.undersign.privacy.KeyStore.schemaFor(database);
    }

    public static io.undersign.privacy.KeyStore keyStore() {
        return new io.undersign.privacy.KeyStore(TENANT, keyDatabase());
    }

    /** The test tenant's root key (what the control plane would hand its runtime). */
    public static String rootKey() {
        return rootKey;
    }

    /** The MySQL-compatible server's JDBC URL, without a database. */
    public static String server() {
        return server;
    }

    public static String database() {
        return database;
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            // the JVM ends with the run
        }
        try (Connection c = DriverManager.getConnection(server + "/", "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("DROP DATABASE IF EXISTS `" + keyDatabase() + "`");
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }
}
