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
}
