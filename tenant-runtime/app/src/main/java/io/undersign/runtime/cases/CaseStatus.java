package io.undersign.runtime.cases;

/** Where a case stands: still being answered through the interview, or decided (and re-decided as things change). */
public enum CaseStatus {
    OPEN, DECIDED
}
