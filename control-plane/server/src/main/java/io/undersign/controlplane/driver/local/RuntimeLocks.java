package io.undersign.controlplane.driver.local;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * One start or stop of a tenant's runtime at a time, across every control-plane replica sharing
 * the database: a MySQL named lock per tenant, held on its own connection (released by the
 * server if this replica dies), so a supervisor's restart and an operation's stop never cross.
 * The connection is opened for the lock alone, outside the pool: a start takes seconds, and
 * twenty of them at once must not starve the pool that carries the workers' heartbeats.
 */
@ApplicationScoped
class RuntimeLocks {
    private static final int WAIT_SECONDS = 180;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    <T> T holding(String tenantId, Callable<T> action) throws Exception {
        String name = "undersign.runtime." + tenantId;
        try (Connection c = DriverManager.getConnection(url, user, password.orElse(""))) {
            try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, name);
                lock.setInt(2, WAIT_SECONDS);
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next() || r.getInt(1) != 1) {
                        throw new IllegalStateException("runtime of " + tenantId + " is being started or stopped elsewhere for over "
                                + WAIT_SECONDS + " s");
                    }
                }
            }
            try {
                return action.call();
            } finally {
                release(c, name);
            }
        }
    }

    private static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement unlock = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.executeQuery().close();
        }
    }
}
