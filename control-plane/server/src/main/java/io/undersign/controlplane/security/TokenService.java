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

    @Transactional
    public Optional<ApiToken> resolve(String token) {
        return findByIdOptional(Digests.sha256Hex(token)).filter(t -> t.revokedAt == null);
    }

}
