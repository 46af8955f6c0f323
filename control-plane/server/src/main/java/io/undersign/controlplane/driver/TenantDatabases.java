package io.undersign.controlplane.driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A tenant's own database and the one user that may use it: every privilege there, none
 * anywhere else. The same on the local server and on a silo's RDS instance (made there with the
 * RDS-managed master user, which the tenant's runtime never sees).
 */
public final class TenantDatabases {

    private TenantDatabases() {
    }

    /** Idempotent; names are the platform's own (TenantNames), never user input. */
    public static void ensure(Connection admin, String database, String user, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY ?");
                    PreparedStatement alter = admin.prepareStatement("ALTER USER '" + user + "'@'%' IDENTIFIED BY ?")) {
                create.setString(1, password);
                create.execute();
                // the password is stored before this runs, but an operator may have reset it by hand:
                // converge on the stored one
                alter.setString(1, password);
                alter.execute();
            }
            s.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'%'");
        }
    }
}
