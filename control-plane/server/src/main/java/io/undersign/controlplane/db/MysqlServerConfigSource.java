package io.undersign.controlplane.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code undersign.mysql.server} from {@link MysqlServerResolver} when nothing set it
 * explicitly (its ordinal is below application.properties, env and system properties).
 * Resolution runs once, on first read, and may start the embedded MariaDB.
 */
public class MysqlServerConfigSource implements ConfigSource {
    static final String KEY = "undersign.mysql.server";
    private volatile String resolved;

    /** Tests bring their own server (TestDatabase) and switch this source off. */
    static final String DISABLED = "undersign-mysql.resolver-disabled";

    /** Not listed, so that nothing that merely enumerates properties (the build) resolves it. */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String name) {
        if (!KEY.equals(name) || Boolean.getBoolean(DISABLED)) {
            return null;
        }
        if (resolved == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = new MysqlServerResolver(embeddedDir()).resolve();
                }
            }
        }
        return resolved;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "undersign-mysql-resolver";
    }

    private static Path embeddedDir() {
        String home = System.getenv("UNDERSIGN_HOME");
        return Path.of(home != null ? home : System.getProperty("user.home") + "/.undersign", "mariadb");
    }
}
