package io.undersign.http;

/**
 * Query parameters are taken as text and read here, so that {@code limit=abc} is a 400 naming
 * the parameter (JAX-RS itself answers 404 when it cannot convert one).
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** A whole number in {@code [min, max]}, or {@code null} when the parameter is absent. */
    public static Long wholeNumber(String field, String value, long min, long max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidParameterException(field, field + " must be a whole number between " + min + " and " + max);
    }

    /** A page size: {@code fallback} when absent, else a whole number in {@code [1, max]}. */
    public static int limit(String value, int fallback, int max) {
        Long n = wholeNumber("limit", value, 1, max);
        return n == null ? fallback : n.intValue();
    }

    /** One of an enum's values (any case), or {@code null} when absent; anything else names the parameter and the values it takes. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "Unknown " + field + " '" + value + "'; known: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** An ISO-8601 instant ({@code 2026-12-01T00:00:00Z}), or {@code null} when absent. */
    public static java.time.Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(field, field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    /** A parameter that must be given. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(field, field + " is required");
        }
        return value.strip();
    }
}
