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
    private BrokerService broker;

    @Override
    public Map<String, String> start() {
        server = System.getenv().getOrDefault("UNDERSIGN_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");
        database = "tenant_rt_test_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(server + "/", "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("the runtime's tests need a MySQL-compatible server at " + server
                    + " (root, no password) or UNDERSIGN_MYSQL_URL: " + e.getMessage(), e);
        }
        // the files the control plane migrates every tenant with, read where they are kept
        Flyway.configure().dataSource(url(), "root", "").locations("filesystem:" + MIGRATIONS).load().migrate();
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
            return Map.of("undersign.tenant.id", TENANT, "undersign.tenant.api-url", "https://api.uw.rt-test.localhost:8444",
                    "undersign.broker.url", "failover:(tcp://127.0.0.1:" + port + ")?maxReconnectAttempts=-1",
                    "undersign.broker.username", "tenant-" + TENANT, "undersign.broker.password", "unused-here",
                    "quarkus.datasource.jdbc.url", url(), "quarkus.datasource.username", "root", "quarkus.datasource.password", "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test broker", e);
        }
    }

    /** The test run's tenant database, for tests that look at what was stored. */
    public static String url() {
        return server + "/" + database;
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
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }
}
