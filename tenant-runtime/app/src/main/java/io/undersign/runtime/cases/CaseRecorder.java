package io.undersign.runtime.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Outcome;
import io.undersign.engine.Rulebook;
import io.undersign.runtime.evidence.EvidenceRequested;
import io.undersign.runtime.evidence.EvidenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deciding and recording: the engine decides a case's answers and evidence, and the decision is
 * stored with its rulebook version and explanation, with an evidence request (the outbox row) for
 * each type it waits for that was not asked for yet — all in the caller's transaction.
 */
@ApplicationScoped
public class CaseRecorder {

    @Inject
    CaseRepository cases;

    @Inject
    EvidenceStore evidence;

    @Inject
    ObjectMapper json;

    @Inject
    Event<EvidenceRequested> evidenceRequested;

    /** A stored decision and the evidence requests it added. */
    public record Recorded(JsonNode decision, List<EvidenceStore.Request> requested) {
    }

    /** The engine's evaluation by the given version; answers it cannot take are refused with their fields. */
    public Evaluation evaluate(Rulebook rulebook, Map<String, Object> answers, Map<String, Map<String, Object>> evidence, LocalDate date) {
        return Engine.evaluate(rulebook, new CaseInput(answers, evidence, date));
    }

    public Decision decide(Rulebook rulebook, Map<String, Object> answers, Map<String, Map<String, Object>> evidence, LocalDate date) {
        Evaluation evaluation = evaluate(rulebook, answers, evidence, date);
        if (!evaluation.valid()) {
            throw new AnswersRejectedException(RulebookRef.of(rulebook), evaluation.errors());
        }
        return evaluation.decision();
    }

    /** Records a decision by {@code rulebook} of a case that has asked for {@code alreadyAsked} before. */
    public Recorded record(String caseId, Rulebook rulebook, Decision decision, Instant now, Set<String> alreadyAsked) {
        JsonNode tree = json.valueToTree(decision);
        List<String> reasonCodes = decision.explanation() == null ? List.of()
                : decision.explanation().firings().stream().map(io.undersign.engine.Firing::reasonCode).filter(java.util.Objects::nonNull)
                        .distinct().toList();
        cases.addDecision(caseId, decision.outcome().name(), rulebook.metadata().id(), rulebook.metadata().version(), tree, reasonCodes, now);
        List<EvidenceStore.Request> added = new ArrayList<>();
        if (decision.outcome() == Outcome.PENDING_EVIDENCE) {
            for (Decision.PendingEvidence pending : decision.pendingEvidence()) {
                if (!alreadyAsked.contains(pending.type())) {
                    added.add(evidence.insert(UUID.randomUUID().toString(), caseId, pending.type(), now));
                }
            }
            if (!added.isEmpty()) {
                // published by the outbox once this unit of work commits
                evidenceRequested.fire(new EvidenceRequested(caseId));
            }
        }
        return new Recorded(tree, added);
    }

    /** Records a decision by {@code rulebook} of a case that may have asked for evidence before. */
    public Recorded record(String caseId, Rulebook rulebook, Decision decision, Instant now) {
        return record(caseId, rulebook, decision, now, evidence.requestedTypes(caseId));
    }
}
