package io.undersign.controlplane.security;

import io.undersign.controlplane.secret.Digests;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/** Issues and resolves admin API tokens; only hashes are stored. */
@ApplicationScoped
public class TokenService implements PanacheRepositoryBase<ApiToken, String> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    /** Makes a new token and returns its only plaintext copy. */
    @Transactional
    public String issue(String name, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "us_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ensure(token, name, role);
        return token;
    }

    /** Records {@code token} (idempotent): the bootstrap admin token of a local platform. */
    @Transactional
    public void ensure(String token, String name, Role role) {
        String hash = Digests.sha256Hex(token);
        if (findByIdOptional(hash).isEmpty()) {
            ApiToken t = new ApiToken();
            t.tokenHash = hash;
            t.name = name;
            t.role = role;
            t.createdAt = clock.instant();
            persist(t);
        }
    }

    /** A token as operators see it: never the token, an id derived from its hash to name it by. */
    public record TokenView(String id, String name, String role, java.time.Instant createdAt,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) java.time.Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(idOf(t.tokenHash), t.name, t.role.wireName(), t.createdAt, t.revokedAt);
        }
    }

    /** 48 bits of the token's hash: enough to tell tokens apart, nothing to find the token by. */
    static String idOf(String tokenHash) {
        return tokenHash.substring(0, 12);
    }

    @Transactional
    public java.util.List<TokenView> list() {
        return list("order by createdAt, tokenHash").stream().map(TokenView::of).toList();
    }

    /**
     * Revokes a token at once (every request resolves its token afresh); revoking one already revoked
     * changes nothing. The last admin token that works is not revoked: nobody could issue another.
     */
    @Transactional
    public TokenView revoke(String id) {
        if (id == null || !id.matches("[0-9a-f]{12}")) {
            throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.NOT_FOUND,
                    "token-not-found", "id", "No token with id '" + id + "'");
        }
        ApiToken token = find("tokenHash like ?1", id + "%").firstResultOptional()
                .orElseThrow(() -> new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.NOT_FOUND,
                        "token-not-found", "id", "No token with id '" + id + "'"));
        if (token.revokedAt == null) {
            if (token.role == Role.ADMIN && count("role = ?1 and revokedAt is null", Role.ADMIN) == 1) {
                throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.CONFLICT,
                        "last-admin-token", "id", "Token '" + id + "' (" + token.name + ") is the last admin token that works;"
                                + " issue another admin token first");
            }
            token.revokedAt = clock.instant();
        }
        return TokenView.of(token);
    }

    @Transactional
    public Optional<ApiToken> resolve(String token) {
        return findByIdOptional(Digests.sha256Hex(token)).filter(t -> t.revokedAt == null);
    }

}
