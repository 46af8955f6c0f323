package io.undersign.engine.model;

import java.util.List;

/** Evidence a rule can require (lab panel, examination, records), what it returns and the rules over it. */
public record EvidenceType(String id, String name, List<EvidenceField> returns, List<Rule> rules) {
}
