package io.undersign.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging for every list of the platform's APIs: a cursor is the sort key of the last item
 * shown, opaque to clients (base64url), and a page is read with one row more than it shows to
 * know whether another follows.
 */
public final class Cursors {
    private static final char SEPARATOR = '\n';

    private Cursors() {
    }

    /** One page and the cursor of the next (null at the end). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /** {@code fetched}: up to {@code limit + 1} rows in order; {@code keyOf}: an item's sort key. */
    public static <T> Slice<T> slice(List<T> fetched, int limit, Function<T, List<String>> keyOf) {
        if (fetched.size() <= limit) {
            return new Slice<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Slice<>(items, encode(keyOf.apply(items.get(limit - 1))));
    }

    public static String encode(List<String> key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(String.valueOf(SEPARATOR), key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor holds, checked by {@code valid}; null when no cursor was given. A cursor
     * this API did not return is a 400 naming {@code cursor}.
     */
    public static List<String> decode(String cursor, int parts, java.util.function.Predicate<List<String>> valid) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            List<String> key = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
            if (key.size() == parts && valid.test(key)) {
                return key;
            }
        } catch (RuntimeException e) {
            // said below
        }
        throw new InvalidParameterException("cursor", "cursor is not one this API returned");
    }

    /** Whether a cursor key part is an instant as {@link java.time.Instant#toString()} writes it. */
    public static boolean isInstant(String text) {
        try {
            java.time.Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
