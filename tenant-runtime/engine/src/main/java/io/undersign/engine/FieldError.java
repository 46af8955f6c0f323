package io.undersign.engine;

/** An answer (or evidence value) that is missing or not acceptable, named by its field. */
public record FieldError(String field, String message) {
}
