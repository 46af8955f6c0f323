package io.undersign.runtime.api;

/** A request parameter that cannot be used; {@link #field()} names it. */
public class BadRequestProblem extends RuntimeException {
    private final String field;

    public BadRequestProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
