package io.undersign.controlplane.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who made a request: the token's name (what audit entries show) and the token itself, by its
 * hash (what scopes the caller's idempotency keys; two tokens may share a name, never a hash).
 */
public record Caller(String name, String tokenHash) {
    static final String TOKEN_HASH = "undersign.token-hash";

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getAttribute(TOKEN_HASH));
    }

    /** The scope of this caller's {@code Idempotency-Key}s. */
    public String idempotencyScope() {
        return "token:" + tokenHash;
    }
}
