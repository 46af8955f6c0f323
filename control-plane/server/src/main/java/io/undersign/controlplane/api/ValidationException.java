package io.undersign.controlplane.api;

/** A request field whose value breaks a business rule (syntax, uniqueness, known values). */
public class ValidationException extends DomainException {
    public ValidationException(String field, String detail) {
        super(Kind.BAD_REQUEST, "invalid-field", field, detail);
    }

    public ValidationException(Kind kind, String type, String field, String detail) {
        super(kind, type, field, detail);
    }
}
