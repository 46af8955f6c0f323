package io.undersign.engine;

/**
 * An answer (or evidence value) that is missing or not acceptable, named by its field; {@code code}
 * says which rule it breaks, so a form can say it in its own words.
 */
public record FieldError(String field, String message, Code code) {

    /** What is wrong with the value. */
    public enum Code {
        REQUIRED, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, TOO_LARGE, OUT_OF_RANGE, NOT_TRUE_OR_FALSE, NOT_AN_OPTION, NOT_A_DATE,
        AFTER_APPLICATION_DATE, TOO_LONG, UNKNOWN_QUESTION, INVALID
    }

    public FieldError(String field, String message) {
        this(field, message, Code.INVALID);
    }
}
