package io.undersign.controlplane.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
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
        String hash = hash(token);
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
        return findByIdOptional(hash(token)).filter(t -> t.revokedAt == null);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
