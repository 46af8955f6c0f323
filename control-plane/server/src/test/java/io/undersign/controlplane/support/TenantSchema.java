package io.undersign.controlplane.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What this build's tenant migrations are, read from the same list the migrator applies. */
public final class TenantSchema {
    private TenantSchema() {
    }

    public static List<String> migrations() {
        try (InputStream in = TenantSchema.class.getClassLoader().getResourceAsStream("db/tenant/migrations.list")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the newest migration, e.g. "2" for V2__cases.sql. */
    public static String latestVersion() {
        List<String> all = migrations();
        String last = all.get(all.size() - 1);
        return last.substring(1, last.indexOf("__"));
    }
}
