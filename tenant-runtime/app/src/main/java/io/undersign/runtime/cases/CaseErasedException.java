package io.undersign.runtime.cases;

/** The case's health data was erased: it takes no more answers, evidence or notes. */
public class CaseErasedException extends RuntimeException {
    private final String caseId;

    public CaseErasedException(String caseId) {
        super("case " + caseId + " was erased: its health data is gone and it takes no more");
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
