package io.undersign.controlplane.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Finds the MySQL-compatible server for the local platform and for tests, in this order: a
 * configured URL ({@code UNDERSIGN_MYSQL_URL}), a server answering on 127.0.0.1:3306, else an
 * embedded MariaDB kept under {@code embeddedDir}. Returns a JDBC URL without a database.
 */
public final class MysqlServerResolver {
    public static final String ENV = "UNDERSIGN_MYSQL_URL";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 3306;

    private final Path embeddedDir;

    public MysqlServerResolver(Path embeddedDir) {
        this.embeddedDir = embeddedDir;
    }

    public String resolve() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        if (!Boolean.getBoolean("undersign-mysql.ignore-local") && answers(DEFAULT_HOST, DEFAULT_PORT)) {
            return "jdbc:mysql://" + DEFAULT_HOST + ":" + DEFAULT_PORT;
        }
        return EmbeddedMariaDb.start(embeddedDir);
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
