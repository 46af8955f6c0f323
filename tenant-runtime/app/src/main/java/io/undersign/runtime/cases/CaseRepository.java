package io.undersign.runtime.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.http.IdempotentRequests;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases, decisions, idempotency keys and the audit trail in this tenant's own database. Callers
 * hold the transaction, so a case and its decision commit together.
 */
@ApplicationScoped
public class CaseRepository {
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, Object>>> EVIDENCE = new TypeReference<>() {
    };

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    io.undersign.runtime.privacy.CaseCrypto crypto;

    /** The fields sealed with the case's data key (each its own associated data). */
    static final String ANSWERS_FIELD = io.undersign.privacy.SealedColumns.ANSWERS, EVIDENCE_FIELD = io.undersign.privacy.SealedColumns.EVIDENCE,
            DRAFT_FIELD = io.undersign.privacy.SealedColumns.DRAFT, DECISION_FIELD = io.undersign.privacy.SealedColumns.DECISION;

    /**
     * Stores a new case; returns it as stored. A reference another case holds is refused
     * ({@link ReferenceTakenException}); the short reference is drawn again in the (rare) event that
     * another case holds it already: 40 random bits are short enough to read out, not to never meet.
     */
    public StoredCase insert(StoredCase c) {
        StoredCase candidate = c;
        io.undersign.privacy.CaseKey key = crypto.newCase(c.id(), c.createdAt());
        String answers = key.seal(ANSWERS_FIELD, write(c.answers()));
        String evidence = key.seal(EVIDENCE_FIELD, write(c.evidence()));
        for (int attempt = 1;; attempt++) {
            boolean stored = jdbc.insertIfAbsent("""
                    INSERT INTO case_file (id, reference, channel, status, answers, evidence, application_date, created_at, updated_at, short_ref,
                        rulebook_id, rulebook_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    candidate.id(), candidate.reference(), candidate.channel().wire, candidate.status().name(), answers,
                    evidence, Date.valueOf(candidate.applicationDate()), Timestamp.from(candidate.createdAt()),
                    Timestamp.from(candidate.updatedAt()), candidate.shortRef(), candidate.rulebook().id(), candidate.rulebook().version());
            if (stored) {
                return candidate;
            }
            // one case per reference (a unique index, so no read before every insert): which key clashed?
            Optional<String> holder = c.reference() == null ? Optional.empty() : caseWithReference(c.reference());
            if (holder.isPresent()) {
                throw new ReferenceTakenException(c.reference(), holder.get());
            }
            if (attempt == 5) {
                throw new IllegalStateException("no free short reference after 5 draws");
            }
            candidate = new StoredCase(c.id(), c.reference(), c.channel(), c.status(), c.answers(), c.evidence(), c.applicationDate(),
                    c.createdAt(), c.updatedAt(), CaseIds.shortRef(), c.rulebook());
        }
    }

    public void updateAnswers(String id, CaseStatus status, Map<String, Object> answers, Instant now) {
        jdbc.update("UPDATE case_file SET answers = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                key(id).seal(ANSWERS_FIELD, write(answers)), status.name(), Timestamp.from(now), id);
    }

    /** An interview page's answers (only acceptable ones) and what to show about the rest; {@code draft} null clears it. */
    public void saveInterviewPage(String id, Map<String, Object> answers, PageDraft draft, Instant now) {
        jdbc.update("UPDATE case_file SET answers = ?, draft = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                key(id).seal(ANSWERS_FIELD, write(answers)), crypto.of(id).orElseThrow().seal(DRAFT_FIELD, write(draft)), Timestamp.from(now), id);
    }

    /** The interview is submitted: the answers stand as they are, the case is decided. */
    public void markDecided(String id, Instant now) {
        jdbc.update("UPDATE case_file SET status = ?, draft = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
                CaseStatus.DECIDED.name(), Timestamp.from(now), id);
    }

    public void updateEvidence(String id, Map<String, Map<String, Object>> evidence, Instant now) {
        jdbc.update("UPDATE case_file SET evidence = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                key(id).seal(EVIDENCE_FIELD, write(evidence)), Timestamp.from(now), id);
    }

    /** {@code reasonCodes} stay in the clear (an erasure keeps them); the decision with its explanation is sealed. */
    public void addDecision(String caseId, String outcome, String rulebookId, String rulebookVersion, Object decision, List<String> reasonCodes,
            Instant now) {
        jdbc.update("""
                INSERT INTO case_decision (case_id, outcome, rulebook_id, rulebook_version, decision, reason_codes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", caseId, outcome, rulebookId, rulebookVersion, key(caseId).seal(DECISION_FIELD, write(decision)),
                String.join(",", reasonCodes), Timestamp.from(now));
    }

    /** The case's data key; a case whose key is gone (erased) takes no more data. */
    private io.undersign.privacy.CaseKey key(String caseId) {
        return crypto.forWriting(caseId);
    }

    /** A stored decision opened, or null when the case's key is gone or the decision was erased. */
    public JsonNode decision(String caseId, String stored) {
        String opened = crypto.open(caseId, DECISION_FIELD, stored);
        return opened == null ? null : read(opened, JsonNode.class);
    }

    public Optional<StoredCase> find(String id) {
        return jdbc.query("SELECT * FROM case_file WHERE id = ?", this::storedCase, id).stream().findFirst();
    }

    /** The case, locked until the transaction ends: changes to one case happen one at a time. */
    public Optional<StoredCase> findForUpdate(String id) {
        Optional<StoredCase> found = jdbc.query("SELECT * FROM case_file WHERE id = ? FOR UPDATE", this::storedCase, id).stream().findFirst();
        // an erasure takes this row lock first: while it is held, the case stays as read
        found.filter(c -> !c.erased()).ifPresent(c -> crypto.caseRowLocked(c.id()));
        return found;
    }

    /** Newest first, keyset-paged by (created_at, id). */
    public List<StoredCase> page(CaseFilter filter, Instant beforeCreated, String beforeId, int limit) {
        List<String> where = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        if (filter.status() != null) {
            where.add("c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.reference() != null) {
            where.add("c.reference = ?");
            params.add(filter.reference());
        }
        if (filter.createdFrom() != null) {
            where.add("c.created_at >= ?");
            params.add(Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            where.add("c.created_at < ?");
            params.add(Timestamp.from(filter.createdTo()));
        }
        if (filter.outcome() != null) {
            // the latest decision's outcome (ix_decision_case makes it one index look-up per case)
            where.add("(SELECT d.outcome FROM case_decision d WHERE d.case_id = c.id ORDER BY d.id DESC LIMIT 1) = ?");
            params.add(filter.outcome().name());
        }
        if (beforeCreated != null) {
            where.add("(c.created_at, c.id) < (?, ?)");
            params.add(Timestamp.from(beforeCreated));
            params.add(beforeId);
        }
        String sql = "SELECT c.* FROM case_file c" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + limit;
        List<Row> rows = jdbc.query(sql, CaseRepository::row, params.toArray());
        // the page's data keys in one query, not one per case
        crypto.preload(rows.stream().map(Row::id).toList());
        return rows.stream().map(this::opened).toList();
    }

    /** The case holding an integrator's reference, if any (references are unique in a tenant). */
    public Optional<String> caseWithReference(String reference) {
        return jdbc.query("SELECT id FROM case_file WHERE reference = ?", r -> r.getString(1), reference).stream().findFirst();
    }

    /** A case's latest decision and how many it has had, in one query. */
    public record Decisions(JsonNode latest, int count) {
    }

    public Decisions decisions(String caseId) {
        return jdbc.query("""
                SELECT decision, (SELECT COUNT(*) FROM case_decision WHERE case_id = ?)
                FROM case_decision WHERE case_id = ? ORDER BY id DESC LIMIT 1""",
                r -> new Decisions(decision(caseId, r.getString(1)), r.getInt(2)), caseId, caseId)
                .stream().findFirst().orElse(new Decisions(null, 0));
    }

    /** The same for a page of cases, in one query: latest decision and count per case (cases with none are absent). */
    public Map<String, Decisions> decisions(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                SELECT d.case_id, d.decision, n.decisions FROM case_decision d
                JOIN (SELECT case_id, MAX(id) AS latest, COUNT(*) AS decisions FROM case_decision
                      WHERE case_id IN (%s) GROUP BY case_id) n ON d.id = n.latest""".formatted(Jdbc.placeholders(caseIds.size())),
                r -> Map.entry(r.getString(1), new Decisions(decision(r.getString(1), r.getString(2)), r.getInt(3))), caseIds.toArray())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String MANUAL_SELECT = """
            SELECT case_id, outcome, rating_table, exclusions, postpone_months, reason_code, maker_name, approver_name,
                COALESCE(approved_at, created_at) FROM case_review""";

    /** The underwriter's decision that stands on the case (the newest FINAL one), if any. */
    public Optional<FinalDecision.Manual> finalManualDecision(String caseId) {
        return jdbc.query(MANUAL_SELECT + " WHERE case_id = ? AND status = 'FINAL' ORDER BY id DESC LIMIT 1",
                this::manual, caseId).stream().findFirst().map(Map.Entry::getValue);
    }

    /** The same for a page of cases, in one query (cases no person decided are absent). */
    public Map<String, FinalDecision.Manual> finalManualDecisions(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query(MANUAL_SELECT + " WHERE id IN (SELECT MAX(id) FROM case_review WHERE status = 'FINAL' AND case_id IN (%s)"
                .formatted(Jdbc.placeholders(caseIds.size())) + " GROUP BY case_id)", this::manual, caseIds.toArray())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A review's exclusions and reason are the underwriter's words about the applicant's health: sealed. */
    public static final String REVIEW_EXCLUSIONS_FIELD = io.undersign.privacy.SealedColumns.REVIEW_EXCLUSIONS,
            REVIEW_REASON_FIELD = io.undersign.privacy.SealedColumns.REVIEW_REASON, NOTE_FIELD = io.undersign.privacy.SealedColumns.NOTE;

    private Map.Entry<String, FinalDecision.Manual> manual(java.sql.ResultSet r) throws java.sql.SQLException {
        return Map.entry(r.getString(1), new FinalDecision.Manual(r.getString(2), (Integer) r.getObject(3),
                crypto.open(r.getString(1), REVIEW_EXCLUSIONS_FIELD, r.getString(4)),
                (Integer) r.getObject(5), r.getString(6), r.getString(7), r.getString(8), r.getTimestamp(9).toInstant()));
    }

    /** The integrator's idempotency keys (this database is the tenant's alone, so keys need no other scope). */
    public Optional<IdempotentRequests.Remembered> idempotencyKey(String key) {
        return jdbc.query("SELECT request_hash, case_id FROM api_idempotency WHERE idem_key = ?",
                r -> new IdempotentRequests.Remembered(r.getString(1), r.getString(2)), key).stream().findFirst();
    }

    public void rememberIdempotencyKey(String key, String requestHash, String caseId, Instant now) {
        jdbc.update("INSERT INTO api_idempotency (idem_key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?)",
                key, requestHash, caseId, Timestamp.from(now));
    }

    /**
     * A case as stored, its sealed fields opened. An erased case, or one whose data key is gone (a copy
     * of the data from before its erasure), has no answers, evidence or draft: nothing of it can be read.
     */
    private StoredCase storedCase(ResultSet r) throws SQLException {
        return opened(row(r));
    }

    /** A case_file row as stored, its sealed fields still sealed. */
    private record Row(String id, String reference, String channel, String status, String answers, String evidence, String draft,
            java.time.LocalDate applicationDate, Instant createdAt, Instant updatedAt, String shortRef, RulebookRef rulebook, boolean erasedMarked) {
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString("id"), r.getString("reference"), r.getString("channel"), r.getString("status"), r.getString("answers"),
                r.getString("evidence"), r.getString("draft"), r.getDate("application_date").toLocalDate(),
                r.getTimestamp("created_at").toInstant(), r.getTimestamp("updated_at").toInstant(), r.getString("short_ref"),
                r.getString("rulebook_id") == null ? null : new RulebookRef(r.getString("rulebook_id"), r.getString("rulebook_version")),
                r.getTimestamp("erased_at") != null);
    }

    /**
     * A case as stored, its sealed fields opened. An erased case, or one whose data key is gone (a copy
     * of the data from before its erasure), has no answers, evidence or draft: nothing of it can be read.
     */
    private StoredCase opened(Row row) {
        boolean anySealed = io.undersign.privacy.CaseKey.isSealed(row.answers()) || io.undersign.privacy.CaseKey.isSealed(row.evidence())
                || io.undersign.privacy.CaseKey.isSealed(row.draft());
        Optional<io.undersign.privacy.CaseKey> key = !row.erasedMarked() && anySealed ? crypto.of(row.id()) : Optional.empty();
        boolean erased = row.erasedMarked() || (anySealed && key.isEmpty());
        Map<String, Object> answers = erased ? Map.of() : read(key.map(k -> k.open(ANSWERS_FIELD, row.answers())).orElse(row.answers()), ANSWERS);
        Map<String, Map<String, Object>> evidence = erased || row.evidence() == null ? Map.of()
                : read(key.map(k -> k.open(EVIDENCE_FIELD, row.evidence())).orElse(row.evidence()), EVIDENCE);
        PageDraft draft = erased || row.draft() == null ? null
                : read(key.map(k -> k.open(DRAFT_FIELD, row.draft())).orElse(row.draft()), PageDraft.class);
        return new StoredCase(row.id(), row.reference(), Channel.of(row.channel()), CaseStatus.valueOf(row.status()), answers, evidence,
                row.applicationDate(), row.createdAt(), row.updatedAt(), row.shortRef(), draft, row.rulebook(), erased);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
