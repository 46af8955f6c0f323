package io.undersign.privacy;

import java.util.regex.Pattern;

/**
 * Where a tenant's keys are kept: a database of their own beside the tenant's data, so a dump or
 * backup of the data never holds a key, and destroying a case's key row leaves every copy of that
 * case's data unreadable. Names are the platform's own (checked here), never anyone's input.
 */
public record KeyStore(String tenantId, String schema) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    public KeyStore {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a key database name: " + schema);
        }
    }

    /** The key database of the tenant whose data lives in {@code dataSchema}. */
    public static String schemaFor(String dataSchema) {
        return dataSchema + "_keys";
    }

    /** A table of the key database, qualified, for SQL run on a connection to the data's database. */
    public String table(String name) {
        return "`" + schema + "`.`" + name + "`";
    }

    /** Associated data binding a wrapped key or sealed value to this tenant and what it is. */
    byte[] context(String... parts) {
        return ("undersign/" + tenantId + "/" + String.join("/", parts)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
