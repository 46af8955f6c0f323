package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The MySQL server that holds tenant databases, reached with admin rights for DDL and grants. */
@ApplicationScoped
public class MysqlServer {

    @Inject
    UndersignConfig config;

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(url(null), config.local().mysqlAdminUser(),
                config.local().mysqlAdminPassword().orElse(""));
    }

    public Connection as(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** JDBC URL of {@code database} on this server (the server itself when null). */
    public String url(String database) {
        String base = config.local().mysqlUrl();
        int query = base.indexOf('?');
        String hostPart = query < 0 ? base : base.substring(0, query);
        String params = query < 0 ? "" : base.substring(query);
        hostPart = hostPart.replaceAll("/+$", "");
        // drop a database path if the configured URL carries one: jdbc:mysql://host:port/db
        int slash = hostPart.indexOf('/', "jdbc:mysql://".length());
        if (slash > 0) {
            hostPart = hostPart.substring(0, slash);
        }
        return hostPart + "/" + (database == null ? "" : database) + params;
    }
}
