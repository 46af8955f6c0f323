package io.undersign.runtime.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.engine.Decision;
import io.undersign.engine.Rulebook;
import io.undersign.http.IdempotentRequests;
import io.undersign.runtime.landing.RuntimeAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The insurer's systems' cases: created with full answers and decided straight through
 * (idempotent by key), and decided again whenever answers change. Every decision commits with
 * its case before the caller hears back.
 */
@ApplicationScoped
public class IntegratorCases {

    @Inject
    CaseRepository cases;

    @Inject
    CaseRecorder recorder;

    @Inject
    CaseReads reads;

    @Inject
    RuntimeAudit audit;

    @Inject
    io.undersign.runtime.workbench.WorkQueue workQueue;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    RulebookHolder rulebooks;

    /** A new case and whether it is the answer of an earlier call with the same key. */
    public record Created(CaseView view, boolean replayed) {
    }

    @Transactional
    public Created create(String reference, LocalDate applicationDate, Map<String, Object> answers, String idempotencyKey, String actor) {
        var outcome = IdempotentRequests.once(idempotencyKey, canonical(reference, applicationDate, answers), ledger(),
                reads::get, () -> decideNew(reference, applicationDate, answers, actor), CaseView::id);
        return new Created(outcome.result(), outcome.replayed());
    }

    private CaseView decideNew(String reference, LocalDate applicationDate, Map<String, Object> answers, String actor) {
        Instant now = clock.instant();
        LocalDate date = applicationDate == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : applicationDate;
        Rulebook rulebook = rulebooks.rulebook();
        Decision decision = recorder.decide(rulebook, answers, Map.of(), date);
        StoredCase stored = cases.insert(new StoredCase(CaseIds.next(), reference, Channel.API, CaseStatus.DECIDED, answers, Map.of(), date,
                now, now, CaseIds.shortRef(), RulebookRef.of(rulebook)));
        // a new case has asked for nothing yet; what this decision asks for is all there is
        CaseRecorder.Recorded recorded = recorder.record(stored.id(), rulebook, decision, now, Set.of());
        workQueue.afterEngineDecision(stored.id(), decision.outcome(), io.undersign.runtime.workbench.WorkQueue.Cause.NEW_CASE, now);
        audit.record(actor, "case.created", stored.id() + " " + decision.outcome(), now);
        // answered from what was just written: no need to read it back
        return new CaseView(stored.id(), stored.shortRef(), reference, Channel.API.wire, stored.status(), date, answers, recorded.decision(), 1,
                recorded.requested(), now, now, FinalDecision.of(recorded.decision(), null));
    }

    /** Adds or changes answers ({@code null} removes one) and decides again; the new decision joins the case's history. */
    @Transactional
    public CaseView changeAnswers(String id, Map<String, Object> changes, String actor) {
        StoredCase current = reads.stored(id);
        if (current.erased()) {
            throw new CaseErasedException(id);
        }
        Map<String, Object> answers = new HashMap<>(current.answers());
        changes.forEach((k, v) -> {
            if (v == null) {
                answers.remove(k);
            } else {
                answers.put(k, v);
            }
        });
        Rulebook rulebook = rulebooks.of(current);
        Decision decision = recorder.decide(rulebook, answers, current.evidence(), current.applicationDate());
        Instant now = clock.instant();
        cases.updateAnswers(id, CaseStatus.DECIDED, answers, now);
        recorder.record(id, rulebook, decision, now);
        workQueue.afterEngineDecision(id, decision.outcome(), io.undersign.runtime.workbench.WorkQueue.Cause.ANSWERS_CHANGED, now);
        audit.record(actor, "case.answers-changed", id + " " + String.join(",", changes.keySet()) + " -> " + decision.outcome(), now);
        return reads.get(id);
    }

    private IdempotentRequests.Ledger ledger() {
        return new IdempotentRequests.Ledger() {
            @Override
            public Optional<IdempotentRequests.Remembered> find(String key) {
                return cases.idempotencyKey(key);
            }

            @Override
            public void remember(String key, String requestHash, String caseId) {
                cases.rememberIdempotencyKey(key, requestHash, caseId, clock.instant());
            }
        };
    }

    /** The request as its fields, in one order: two calls that mean the same are the same text. */
    private String canonical(String reference, LocalDate date, Map<String, Object> answers) {
        try {
            return json.writeValueAsString(new TreeMap<>(Map.of(
                    "reference", String.valueOf(reference), "date", String.valueOf(date), "answers", new TreeMap<>(answers))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
