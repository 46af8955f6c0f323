package io.undersign.bench;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionTableResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The same three tables in Operaton's DMN engine: in its default setup (FEEL) or in its fastest
 * (JUEL expressions throughout, from a JUEL version of the same tables).
 */
final class OperatonThreeTables {
    private final DmnEngine engine;
    private final DmnDecision build;
    private final DmnDecision medical;
    private final DmnDecision evidence;

    OperatonThreeTables(boolean juel) {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (juel) {
            String language = DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE;
            configuration.defaultInputExpressionExpressionLanguage(language)
                    .defaultInputEntryExpressionLanguage(language)
                    .defaultOutputEntryExpressionLanguage(language);
        }
        engine = configuration.buildEngine();
        try (InputStream in = OperatonThreeTables.class.getResourceAsStream(juel ? "/three-tables-juel.dmn" : "/three-tables.dmn")) {
            List<DmnDecision> decisions = engine.parseDecisions(in);
            build = find(decisions, "build");
            medical = find(decisions, "medical");
            evidence = find(decisions, "evidence");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ThreeTableCase.Outcome evaluate(Map<String, Object> variables) {
        DmnDecisionTableResult b = engine.evaluateDecisionTable(build, variables);
        DmnDecisionTableResult m = engine.evaluateDecisionTable(medical, variables);
        DmnDecisionTableResult e = engine.evaluateDecisionTable(evidence, variables);
        int buildDebits = b.isEmpty() ? 0 : ((Number) b.getFirstResult().get("debits")).intValue();
        String buildDecision = b.isEmpty() ? null : (String) b.getFirstResult().get("decision");
        int medicalDebits = m.isEmpty() ? 0 : ((Number) m.getSingleEntry()).intValue();
        return new ThreeTableCase.Outcome(buildDebits, buildDecision, medicalDebits, new TreeSet<>(e.<String>collectEntries("evidence")));
    }

    private static DmnDecision find(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
    }
}
