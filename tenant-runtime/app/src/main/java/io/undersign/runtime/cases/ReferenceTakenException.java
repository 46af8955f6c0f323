package io.undersign.runtime.cases;

/** An integrator's reference already names another case of this tenant (409 {@code reference-taken}). */
public class ReferenceTakenException extends RuntimeException {
    private final String caseId;

    public ReferenceTakenException(String reference, String caseId) {
        super("Reference '" + reference + "' already names case " + caseId + "; use another reference, or an Idempotency-Key to repeat a request safely");
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
