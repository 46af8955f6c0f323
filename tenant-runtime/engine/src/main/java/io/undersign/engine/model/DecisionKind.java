package io.undersign.engine.model;

/** A decision a rule or table row can force (besides debits): the most severe one wins. */
public enum DecisionKind {
    DECLINE, POSTPONE, REFER
}
