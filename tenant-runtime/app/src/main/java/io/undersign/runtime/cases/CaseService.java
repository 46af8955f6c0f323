package io.undersign.runtime.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Outcome;
import io.undersign.engine.Rulebook;
import io.undersign.runtime.landing.RuntimeAudit;
import io.undersign.runtime.evidence.EvidenceMessages;
import io.undersign.runtime.evidence.EvidenceRequested;
import io.undersign.runtime.evidence.EvidenceStore;
import io.undersign.runtime.evidence.MalformedEvidenceException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Cases of this tenant: every change of answers is decided by the engine and the decision is
 * stored with its rulebook version and explanation in the same transaction (committed before
 * the caller hears back).
 */
@ApplicationScoped
public class CaseService {
    static final String DECIDED = "DECIDED";
    public static final String OPEN = "OPEN";

    @Inject
    CaseRepository cases;

    @Inject
    RuntimeAudit audit;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    ObjectMapper json;

    @Inject
    EvidenceStore evidence;

    @Inject
    Event<EvidenceRequested> evidenceRequested;

    private final Clock clock = Clock.systemUTC();

    public record Created(CaseView view, boolean replayed) {
    }

    /** What became of an evidence result. */
    public enum EvidenceApplied { APPLIED, DUPLICATE }

    /** A straight-through decision on full answers; idempotent by key when one is given. */
    @Transactional
    public Created create(String reference, LocalDate applicationDate, Map<String, Object> answers, String idempotencyKey, String actor) {
        String fingerprint = fingerprint(reference, applicationDate, answers);
        if (idempotencyKey != null) {
            var seen = cases.idempotencyKey(idempotencyKey);
            if (seen.isPresent()) {
                if (!seen.get()[0].equals(fingerprint)) {
                    throw new IdempotencyConflictException(idempotencyKey);
                }
                return new Created(view(cases.find(seen.get()[1]).orElseThrow()), true);
            }
        }
        Instant now = clock.instant();
        LocalDate date = applicationDate == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : applicationDate;
        Decision decision = decide(answers, Map.of(), date);
        StoredCase stored = new StoredCase(CaseIds.next(), reference, "api", DECIDED, answers, Map.of(), date, now, now);
        cases.insert(stored);
        // a new case has asked for nothing yet; what this decision asks for is all there is
        Recorded recorded = record(stored.id(), decision, now, java.util.Set.of());
        if (idempotencyKey != null) {
            cases.rememberIdempotencyKey(idempotencyKey, fingerprint, stored.id(), now);
        }
        audit.record(actor, "case.created", stored.id() + " " + decision.outcome(), now);
        // answered from what was just written: no need to read it back
        return new Created(new CaseView(stored.id(), reference, stored.channel(), stored.status(), date, answers, recorded.decision(), 1, recorded.requested(), now, now), false);
    }

    /** Adds or changes answers and decides again; the new decision joins the case's history. */
    @Transactional
    public CaseView changeAnswers(String id, Map<String, Object> changes, String actor) {
        StoredCase current = find(id);
        Map<String, Object> answers = new HashMap<>(current.answers());
        changes.forEach((k, v) -> {
            if (v == null) {
                answers.remove(k);
            } else {
                answers.put(k, v);
            }
        });
        Decision decision = decide(answers, current.evidence(), current.applicationDate());
        Instant now = clock.instant();
        cases.updateAnswers(id, DECIDED, answers, now);
        record(id, decision, now, evidence.requestedTypes(id));
        audit.record(actor, "case.answers-changed", id + " " + String.join(",", changes.keySet()) + " -> " + decision.outcome(), now);
        return view(find(id));
    }

    /** An interview case: no answers yet, decided only when the applicant submits. */
    @Transactional
    public String startInterview() {
        Instant now = clock.instant();
        String id = CaseIds.next();
        cases.insert(new StoredCase(id, null, "interview", OPEN, Map.of(), Map.of(), LocalDate.ofInstant(now, ZoneOffset.UTC), now, now));
        audit.record("applicant", "case.started", id, now);
        return id;
    }

    /** Stores one interview page: answers of its questions replace what was there (blank removes). */
    @Transactional
    public StoredCase savePage(String id, java.util.Collection<String> pageQuestions, Map<String, Object> pageAnswers) {
        StoredCase current = open(id);
        Map<String, Object> answers = new HashMap<>(current.answers());
        pageQuestions.forEach(answers::remove);
        answers.putAll(pageAnswers);
        cases.updateAnswers(id, OPEN, answers, clock.instant());
        return find(id);
    }

    /** The applicant submits: the case is decided and can no longer change through the interview. */
    @Transactional
    public CaseView submit(String id) {
        StoredCase current = open(id);
        Decision decision = decide(current.answers(), current.evidence(), current.applicationDate());
        Instant now = clock.instant();
        cases.updateAnswers(id, DECIDED, current.answers(), now);
        record(id, decision, now, evidence.requestedTypes(id));
        audit.record("applicant", "case.submitted", id + " " + decision.outcome(), now);
        return view(find(id));
    }

    /**
     * Applies a provider's result: stored once per request (a duplicate or redelivery changes
     * nothing), then the case is decided again with all evidence so far.
     */
    @Transactional(rollbackOn = MalformedEvidenceException.class)
    public EvidenceApplied applyEvidence(EvidenceMessages.Result result) throws MalformedEvidenceException {
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
        if (!evidence.addResult(result.requestId(), result.caseId(), result.results(), result.observedAt(), now)) {
            return EvidenceApplied.DUPLICATE;
        }
        Map<String, Map<String, Object>> merged = new HashMap<>(current.evidence());
        merged.put(result.type(), result.results());
        Evaluation evaluation = Engine.evaluate(rulebooks.rulebook(), new CaseInput(current.answers(), merged, current.applicationDate()));
        if (!evaluation.valid()) {
            throw new MalformedEvidenceException(evaluation.errors().stream().map(e -> e.field() + ": " + e.message())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        cases.updateEvidence(result.caseId(), merged, now);
        record(result.caseId(), evaluation.decision(), now, evidence.requestedTypes(result.caseId()));
        audit.record("evidence", "case.evidence-received", result.caseId() + " " + result.type() + " " + result.requestId()
                + " -> " + evaluation.decision().outcome(), now);
        return EvidenceApplied.APPLIED;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredCase stored(String id) {
        return find(id);
    }

    private StoredCase open(String id) {
        StoredCase current = find(id);
        if (!OPEN.equals(current.status())) {
            throw new CaseClosedException(id);
        }
        return current;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(String id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseView> page(Instant beforeCreated, String beforeId, int limit) {
        List<StoredCase> page = cases.page(beforeCreated, beforeId, limit);
        List<String> ids = page.stream().map(StoredCase::id).toList();
        // three queries per page, whatever its size
        Map<String, CaseRepository.Decisions> decisions = cases.decisions(ids);
        Map<String, List<EvidenceStore.Request>> requests = evidence.ofCases(ids);
        return page.stream().map(c -> view(c, decisions.getOrDefault(c.id(), NO_DECISIONS), requests.getOrDefault(c.id(), List.of())))
                .toList();
    }

    private StoredCase find(String id) {
        if (!CaseIds.wellFormed(id)) {
            throw new CaseNotFoundException(id);
        }
        return cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private Decision decide(Map<String, Object> answers, Map<String, Map<String, Object>> evidence, LocalDate date) {
        Evaluation evaluation = Engine.evaluate(rulebooks.rulebook(), new CaseInput(answers, evidence, date));
        if (!evaluation.valid()) {
            throw new AnswersRejectedException(evaluation.errors());
        }
        return evaluation.decision();
    }

    /** A stored decision and the evidence requests it added. */
    private record Recorded(JsonNode decision, List<EvidenceStore.Request> requested) {
    }

    /**
     * Stores the decision, and when it waits for evidence, a request for each type not in
     * {@code alreadyAsked} (published by the outbox once this unit of work commits).
     */
    private Recorded record(String caseId, Decision decision, Instant now, java.util.Set<String> alreadyAsked) {
        Rulebook rulebook = rulebooks.rulebook();
        JsonNode tree = json.valueToTree(decision);
        cases.addDecision(caseId, decision.outcome().name(), rulebook.metadata().id(), rulebook.metadata().version(), tree, now);
        List<EvidenceStore.Request> added = new java.util.ArrayList<>();
        if (decision.outcome() == Outcome.PENDING_EVIDENCE) {
            for (Decision.PendingEvidence pending : decision.pendingEvidence()) {
                if (!alreadyAsked.contains(pending.type())) {
                    added.add(evidence.insert(java.util.UUID.randomUUID().toString(), caseId, pending.type(), now));
                }
            }
            if (!added.isEmpty()) {
                evidenceRequested.fire(new EvidenceRequested(caseId));
            }
        }
        return new Recorded(tree, added);
    }

    private static final CaseRepository.Decisions NO_DECISIONS = new CaseRepository.Decisions(null, 0);

    private CaseView view(StoredCase c) {
        return view(c, cases.decisions(c.id()), evidence.ofCase(c.id()));
    }

    private static CaseView view(StoredCase c, CaseRepository.Decisions decisions, List<EvidenceStore.Request> requests) {
        return new CaseView(c.id(), c.reference(), c.channel(), c.status(), c.applicationDate(), c.answers(),
                decisions.latest(), decisions.count(), requests, c.createdAt(), c.updatedAt());
    }

    private String fingerprint(String reference, LocalDate date, Map<String, Object> answers) {
        try {
            String canonical = json.writeValueAsString(new java.util.TreeMap<>(Map.of(
                    "reference", String.valueOf(reference), "date", String.valueOf(date), "answers", new java.util.TreeMap<>(answers))));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
