package io.undersign.contract;

import java.util.regex.Pattern;

/** What a tenant id looks like: it names databases, users, queues and host names, so it is kept short and plain. */
public final class TenantIds {
    public static final String PATTERN = "[a-z][a-z0-9-]{2,30}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private TenantIds() {
    }

    public static boolean wellFormed(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
