package io.undersign.controlplane.driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A tenant's own database and its two users, the same on the local server and on a silo's RDS
 * instance (made there with the RDS-managed master user, which the tenant never sees):
 * <ul>
 * <li>the runtime's user reads and writes rows (SELECT, INSERT, UPDATE, DELETE) and can change no
 * table, routine, view or grant; once migrated, its rights are table by table and the audit trail's
 * tables are append-only to it ({@link #appendOnlyAudit});</li>
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

    /**
     * Idempotent; names are the platform's own (TenantNames), never user input. Makes the tenant's
     * data database and its key database beside it (the wrapped data key of every case; never in
     * the data's dumps), both users granted on both.
     */
    public static void ensure(Connection admin, String database, Users users) throws SQLException {
        String keys = io.undersign.privacy.KeyStore.schemaFor(database);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("CREATE DATABASE IF NOT EXISTS `" + keys + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        user(admin, List.of(database, keys), users.host(), users.runtimeUser(), users.runtimePassword(), RUNTIME_RIGHTS, RUNTIME_CONNECTIONS);
        user(admin, List.of(database, keys), users.host(), users.migrationUser(), users.migrationPassword(), MIGRATION_RIGHTS,
                MIGRATION_CONNECTIONS);
    }

    /**
     * The key database of a tenant made before there was one (an upgrade migrates it): made, and both
     * users granted on it as {@link #ensure} grants them; the runtime's rights narrow after the migration.
     */
    public static void ensureKeyDatabase(Connection admin, String database, String host, String runtimeUser, String migrationUser)
            throws SQLException {
        String keys = io.undersign.privacy.KeyStore.schemaFor(database);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + keys + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("GRANT " + RUNTIME_RIGHTS + " ON `" + keys + "`.* TO '" + runtimeUser + "'@'" + host + "'");
            s.execute("GRANT " + MIGRATION_RIGHTS + " ON `" + keys + "`.* TO '" + migrationUser + "'@'" + host + "'");
        }
    }

    /** Drops the tenant's data and key databases. */
    public static void drop(Connection admin, String database) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("DROP DATABASE IF EXISTS `" + io.undersign.privacy.KeyStore.schemaFor(database) + "`");
        }
    }

    /** The audit trail's tables: the runtime adds to them and never changes or removes a row. */
    static final java.util.Set<String> APPEND_ONLY = java.util.Set.of("tenant_audit_event", "audit_seal");
    /** Tables the runtime uses otherwise than rows in, rows out: the chain's head it moves, the migrations' history it may read. */
    static final Map<String, String> TABLE_RIGHTS = Map.of("audit_chain_head", "SELECT, UPDATE", "flyway_schema_history", "SELECT");
    /**
     * The key database: the runtime reads the keysets (only the control plane makes and rotates them)
     * and adds and destroys data keys; it never changes one.
     */
    static final Map<String, String> KEY_TABLE_RIGHTS = Map.of("tenant_keyset", "SELECT", "case_key", "SELECT, INSERT, DELETE",
            "flyway_schema_history", "SELECT");
    private static final int NO_SUCH_GRANT = 1141;
    private static final int NO_SUCH_TABLE_GRANT = 1147;

    /**
     * After every migration: the runtime's rights table by table (new tables included), the audit
     * trail's tables append-only. The table rights are granted before the database-wide ones are taken
     * back, so a runtime serving meanwhile never loses a right it keeps.
     */
    public static void appendOnlyAudit(Connection admin, String database, String host, String runtimeUser) throws SQLException {
        tableRights(admin, database, host, runtimeUser, table -> APPEND_ONLY.contains(table) ? "SELECT, INSERT"
                : TABLE_RIGHTS.getOrDefault(table, RUNTIME_RIGHTS));
        tableRights(admin, io.undersign.privacy.KeyStore.schemaFor(database), host, runtimeUser, table -> KEY_TABLE_RIGHTS.getOrDefault(table, "SELECT"));
    }

    private static void tableRights(Connection admin, String database, String host, String runtimeUser,
            java.util.function.Function<String, String> rightsOf) throws SQLException {
        String account = "'" + runtimeUser + "'@'" + host + "'";
        List<String> tables = new java.util.ArrayList<>();
        try (PreparedStatement q = admin.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            q.setString(1, database);
            try (java.sql.ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            for (String table : tables) {
                String rights = rightsOf.apply(table);
                s.execute("GRANT " + rights + " ON `" + database + "`.`" + table.replace("`", "") + "` TO " + account);
                List<String> withheld = java.util.stream.Stream.of("INSERT", "UPDATE", "DELETE").filter(r -> !rights.contains(r)).toList();
                if (!withheld.isEmpty()) {
                    revokeIfGranted(s, "REVOKE " + String.join(", ", withheld) + " ON `" + database + "`.`" + table.replace("`", "") + "` FROM "
                            + account);
                }
            }
            revokeIfGranted(s, "REVOKE " + RUNTIME_RIGHTS + " ON `" + database + "`.* FROM " + account);
        }
    }

    private static void revokeIfGranted(Statement s, String revoke) throws SQLException {
        try {
            s.execute(revoke);
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_GRANT && e.getErrorCode() != NO_SUCH_TABLE_GRANT) {
                throw e;
            }
        }
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

    private static void user(Connection admin, List<String> databases, String host, String name, String password, String rights,
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
            for (String database : databases) {
                s.execute("GRANT " + rights + " ON `" + database + "`.* TO " + account);
            }
            if (!"%".equals(host)) {
                // a tenant onboarded by an earlier build had this user from anywhere, with every right
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }
}
