package io.undersign.controlplane.security;

import java.util.Locale;
import java.util.Set;

/** Admin API roles; each one includes the rights of those below it. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String OPERATOR_NAME = "operator";
    public static final String ADMIN_NAME = "admin";

    public Set<String> grantedRoleNames() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case OPERATOR -> Set.of(VIEWER_NAME, OPERATOR_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, OPERATOR_NAME, ADMIN_NAME);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
