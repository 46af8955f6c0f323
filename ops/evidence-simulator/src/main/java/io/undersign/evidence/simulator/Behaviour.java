package io.undersign.evidence.simulator;

/** How the simulated provider answers, to exercise the runtime's handling of each case. */
public enum Behaviour {
    /** One well-formed result per request after the delay. */
    NORMAL,
    /** Like NORMAL, but only after the delay plus the lateness. */
    LATE,
    /** Every result sent twice (as an at-least-once provider may). */
    DUPLICATE,
    /** A result the contract does not allow (no results object, an unreadable time). */
    MALFORMED,
    /** The request is taken and never answered. */
    NEVER
}
