package io.undersign.runtime.cases;

import io.undersign.engine.Evaluation;
import io.undersign.runtime.evidence.EvidenceMessages;
import io.undersign.runtime.evidence.EvidenceStore;
import io.undersign.runtime.evidence.MalformedEvidenceException;
import io.undersign.runtime.landing.RuntimeAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A provider's evidence result: checked against the request it answers, stored once per request
 * (a duplicate or redelivery changes nothing), then the case is decided again with all evidence so far.
 */
@ApplicationScoped
public class EvidenceIntake {

    /** What became of an evidence result. */
    /** ERASED: the case's health data was erased; the result is dropped (recorded, never stored). */
    public enum Applied { APPLIED, DUPLICATE, ERASED }

    @Inject
    CaseRepository cases;

    @Inject
    EvidenceStore evidence;

    @Inject
    CaseRecorder recorder;

    @Inject
    RuntimeAudit audit;

    @Inject
    io.undersign.runtime.workbench.WorkQueue workQueue;

    @Inject
    Clock clock;

    @Inject
    RulebookHolder rulebooks;

    @Transactional(rollbackOn = MalformedEvidenceException.class)
    public Applied apply(EvidenceMessages.Result result) throws MalformedEvidenceException {
        EvidenceStore.Request request = evidence.find(result.requestId())
                .orElseThrow(() -> new MalformedEvidenceException("requestId: " + result.requestId() + " was never requested"));
        if (!request.caseId().equals(result.caseId())) {
            throw new MalformedEvidenceException("caseId: request " + result.requestId() + " belongs to another case");
        }
        if (!request.type().equals(result.type())) {
            throw new MalformedEvidenceException("type: request " + result.requestId() + " asked for " + request.type());
        }
        StoredCase current = cases.findForUpdate(result.caseId()).orElseThrow(() -> new CaseNotFoundException(result.caseId()));
        Instant now = clock.instant();
        if (current.erased()) {
            audit.record("evidence", "case.evidence-dropped", result.caseId() + " " + result.type() + " " + result.requestId()
                    + " (the case was erased)", now);
            return Applied.ERASED;
        }
        if (!evidence.addResult(result.requestId(), result.caseId(), result.results(), result.observedAt(), now)) {
            return Applied.DUPLICATE;
        }
        Map<String, Map<String, Object>> merged = new HashMap<>(current.evidence());
        merged.put(result.type(), result.results());
        // the case's own version, also after the tenant moved to a newer release
        io.undersign.engine.Rulebook rulebook = rulebooks.of(current);
        Evaluation evaluation = recorder.evaluate(rulebook, current.answers(), merged, current.applicationDate());
        if (!evaluation.valid()) {
            throw new MalformedEvidenceException(evaluation.errors().stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")));
        }
        cases.updateEvidence(result.caseId(), merged, now);
        recorder.record(result.caseId(), rulebook, evaluation.decision(), now);
        workQueue.afterEngineDecision(result.caseId(), evaluation.decision().outcome(), io.undersign.runtime.workbench.WorkQueue.Cause.EVIDENCE, now);
        audit.record("evidence", "case.evidence-received", result.caseId() + " " + result.type() + " " + result.requestId()
                + " -> " + evaluation.decision().outcome(), now);
        return Applied.APPLIED;
    }
}
