package io.undersign.controlplane.api;

/**
 * A refusal the client can act on. {@link ProblemMappers} turns it into RFC 9457 problem+json;
 * {@link #field} names the request field at fault, when there is one.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), UNPROCESSABLE(422),
        /** Recorded here, but a cloud service it depends on refused or failed: repeating the request retries. */
        BAD_GATEWAY(502);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String type;
    private final String field;
    private final java.util.List<io.undersign.http.Problem.FieldError> errors;

    public DomainException(Kind kind, String type, String field, String detail) {
        this(kind, type, field, detail, java.util.List.of());
    }

    /** A refusal with several things wrong, each at its own field or path (the first one is {@code field}). */
    public DomainException(Kind kind, String type, String field, String detail, java.util.List<io.undersign.http.Problem.FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.field = field;
        this.errors = java.util.List.copyOf(errors);
    }

    public java.util.List<io.undersign.http.Problem.FieldError> errors() {
        return errors;
    }

    public Kind kind() {
        return kind;
    }

    /** Short slug naming the problem type, e.g. {@code tenant-not-found}. */
    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
