package io.undersign.controlplane.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.undersign.controlplane.db.MysqlServerResolver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the test run its own control-plane database on the real MySQL-compatible server (found
 * as the platform finds it) and removes it, with every tenant database and user the tests made,
 * when the run ends.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {
    private String server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve();
        database = "undersign_test_" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("undersign.mysql.server", server, "undersign.mysql.database", database);
    }

    @Override
    public void stop() {
        stopTenantRuntimes();
        try (Connection c = DriverManager.getConnection(server + "/", "root", "");
                Statement s = c.createStatement()) {
            List<String> tenants = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM `" + database + "`.tenant")) {
                while (r.next()) {
                    tenants.add(r.getString(1));
                }
            } catch (Exception noTable) {
                // the app never migrated: nothing else to clean
            }
            for (String id : tenants) {
                s.execute("DROP DATABASE IF EXISTS `" + io.undersign.controlplane.tenant.TenantNames.database(id) + "`");
                s.execute("DROP DATABASE IF EXISTS `" + io.undersign.controlplane.tenant.TenantNames.keyDatabase(id) + "`");
                s.execute("DROP USER IF EXISTS '" + io.undersign.controlplane.tenant.TenantNames.databaseUser(id) + "'@'%'");
            }
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (Exception e) {
            throw new IllegalStateException("cannot clean up test database " + database, e);
        }
    }

    /** The runtimes the tests started outlive the app by design (they survive control-plane crashes). */
    private static void stopTenantRuntimes() {
        String marker = "-Dundersign-data=" + Path.of("target/undersign-data").toAbsolutePath().normalize();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.asList(args).contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }
}
