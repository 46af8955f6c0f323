package io.undersign.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on every POST that creates something, in both APIs: the same key and the
 * same request give back what the first call made; the same key with another request is refused
 * (422 {@code idempotency-key-reused}). Where keys are kept is the caller's {@link Ledger}, in the
 * same transaction as what the action writes, so a key is remembered exactly when its result is.
 */
public final class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 128;

    private IdempotentRequests() {
    }

    /** A key seen before: the hash of its request and the id of what it made. */
    public record Remembered(String requestHash, String resultId) {
    }

    /** Where an application keeps its keys (scoped as it needs: per caller, per tenant). */
    public interface Ledger {
        Optional<Remembered> find(String key);

        void remember(String key, String requestHash, String resultId);
    }

    /** What a call answers, and whether it is the answer of an earlier call. */
    public record Outcome<T>(T result, boolean replayed) {
    }

    /**
     * Runs {@code action} once per key ({@code key} null: every time). {@code canonicalRequest} is what
     * makes two calls "the same"; {@code replay} reads back what an earlier call made from its id.
     */
    public static <T> Outcome<T> once(String key, String canonicalRequest, Ledger ledger, Function<String, T> replay,
            Supplier<T> action, Function<T, String> idOf) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new InvalidParameterException(HEADER, HEADER + " must be 1-" + MAX_KEY + " characters");
        }
        String hash = sha256(canonicalRequest);
        Optional<Remembered> seen = ledger.find(key);
        if (seen.isPresent()) {
            if (!seen.get().requestHash().equals(hash)) {
                throw new KeyReusedException(key);
            }
            return new Outcome<>(replay.apply(seen.get().resultId()), true);
        }
        T result = action.get();
        ledger.remember(key, hash, idOf.apply(result));
        return new Outcome<>(result, false);
    }

    /** The same key, another request (422 {@code idempotency-key-reused} naming the header). */
    public static final class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key) {
            super(HEADER + " '" + key + "' was already used for a different request");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
