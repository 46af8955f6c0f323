package io.undersign.engine;

/** How severe an outcome is for the applicant; rated and exclusion are one level, as the spec ranks them. */
final class Severity {
    private Severity() {
    }

    static int of(Outcome outcome) {
        return switch (outcome) {
            case DECLINE -> 6;
            case POSTPONE -> 5;
            case REFER -> 4;
            case PENDING_EVIDENCE -> 3;
            case RATED, EXCLUSION -> 2;
            case STANDARD -> 1;
        };
    }
}
