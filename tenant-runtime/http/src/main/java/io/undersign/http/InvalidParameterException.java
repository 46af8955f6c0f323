package io.undersign.http;

/** A query or header parameter that cannot be used; {@link #field()} names it (400 {@code invalid-parameter}). */
public class InvalidParameterException extends RuntimeException {
    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
