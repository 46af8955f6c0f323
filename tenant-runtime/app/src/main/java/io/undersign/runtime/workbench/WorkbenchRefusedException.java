package io.undersign.runtime.workbench;

import java.util.List;

/** An action the person may not take, or not now, with every reason in words (shown on the case page). */
public class WorkbenchRefusedException extends RuntimeException {
    private final String caseId;
    private final List<String> reasons;

    public WorkbenchRefusedException(String caseId, List<String> reasons) {
        super(String.join("; ", reasons));
        this.caseId = caseId;
        this.reasons = List.copyOf(reasons);
    }

    public WorkbenchRefusedException(String caseId, String reason) {
        this(caseId, List.of(reason));
    }

    public String caseId() {
        return caseId;
    }

    public List<String> reasons() {
        return reasons;
    }
}
