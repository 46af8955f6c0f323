package io.undersign.engine.model;

import java.util.List;

/** A rulebook as written, before it is validated and compiled. */
public record RulebookDefinition(Metadata metadata, List<Page> pages, List<Question> questions, List<Derived> derived,
        List<Table> tables, List<Rule> rules, List<EvidenceType> evidence, Thresholds thresholds) {
}
