package io.undersign.controlplane.driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A tenant's own database and its two users, the same on the local server and on a silo's RDS
 * instance (made there with the RDS-managed master user, which the tenant never sees):
 * <ul>
 * <li>the runtime's user reads and writes rows (SELECT, INSERT, UPDATE, DELETE) and can change no
 * table, routine, view or grant;</li>
 * <li>the migrations' user changes the schema (CREATE, ALTER, DROP, INDEX, REFERENCES, views) and
 * has no routine, trigger, event or grant rights; the control plane alone uses it.</li>
 * </ul>
 * Both only from {@code host} (127.0.0.1 locally), both capped in connections, neither with any
 * right outside the tenant's database.
 */
public final class TenantDatabases {
    static final String RUNTIME_RIGHTS = "SELECT, INSERT, UPDATE, DELETE";
    static final String MIGRATION_RIGHTS = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW";
    /** The runtime's pool holds 16; a restart may overlap the old process's last connections. */
    static final int RUNTIME_CONNECTIONS = 24;
    static final int MIGRATION_CONNECTIONS = 4;

    /** Who may connect, and as whom. */
    public record Users(String host, String runtimeUser, String runtimePassword, String migrationUser, String migrationPassword) {
        @Override
        public String toString() {
            return "Users[" + runtimeUser + ", " + migrationUser + " @ " + host + "]";
        }
    }

    private TenantDatabases() {
    }

    /** Idempotent; names are the platform's own (TenantNames), never user input. */
    public static void ensure(Connection admin, String database, Users users) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        user(admin, database, users.host(), users.runtimeUser(), users.runtimePassword(), RUNTIME_RIGHTS, RUNTIME_CONNECTIONS);
        user(admin, database, users.host(), users.migrationUser(), users.migrationPassword(), MIGRATION_RIGHTS, MIGRATION_CONNECTIONS);
    }

    /** Drops both users, wherever an earlier build let them connect from. */
    public static void dropUsers(Connection admin, String host, String... names) throws SQLException {
        try (Statement s = admin.createStatement()) {
            for (String name : names) {
                s.execute("DROP USER IF EXISTS '" + name + "'@'" + host + "'");
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }

    private static void user(Connection admin, String database, String host, String name, String password, String rights,
            int connections) throws SQLException {
        String account = "'" + name + "'@'" + host + "'";
        try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY ?");
                PreparedStatement alter = admin.prepareStatement("ALTER USER " + account + " IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS "
                        + connections);
                Statement s = admin.createStatement()) {
            create.setString(1, password);
            create.execute();
            // converge: the stored password (an operator may have reset it by hand) and the cap
            alter.setString(1, password);
            alter.execute();
            // rights exactly as listed: take everything on the database back, then grant the list
            s.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account);
            s.execute("GRANT " + rights + " ON `" + database + "`.* TO " + account);
            if (!"%".equals(host)) {
                // a tenant onboarded by an earlier build had this user from anywhere, with every right
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }
}
