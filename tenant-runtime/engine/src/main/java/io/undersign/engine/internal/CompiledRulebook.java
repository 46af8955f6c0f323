package io.undersign.engine.internal;

import io.undersign.engine.model.Derived;
import io.undersign.engine.model.EvidenceType;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.Rule;
import io.undersign.engine.model.RulebookDefinition;
import io.undersign.engine.model.Table;
import java.util.List;
import java.util.Map;

/**
 * A validated rulebook with every expression compiled once: what evaluation runs on. Immutable
 * and safe to share between threads.
 */
public record CompiledRulebook(RulebookDefinition definition, List<Question> questions, Map<String, Question> questionById,
        List<Cel.Compiled> askWhen, List<DerivedValue> derived, List<Table> tables, List<CompiledRule> rules,
        Map<String, CompiledEvidence> evidence, Map<String, Object> zeroValues) {

    /** A derived value with its compiled expression (null for age-of). */
    record DerivedValue(Derived definition, Cel.Compiled expr) {
    }

    record CompiledRule(Rule rule, Cel.Compiled when) {
    }

    record CompiledEvidence(EvidenceType type, List<CompiledRule> rules) {
    }
}
