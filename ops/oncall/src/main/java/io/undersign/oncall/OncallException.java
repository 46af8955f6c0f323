package io.undersign.oncall;

/** Input the on-call core refuses, naming the field that was wrong. */
public class OncallException extends RuntimeException {
    private final String field;

    public OncallException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
