package io.undersign.runtime.api;

/** A receipt was asked for a case that was not erased. */
public class NotErasedException extends RuntimeException {
    public NotErasedException(String caseId) {
        super("case " + caseId + " was not erased");
    }
}
