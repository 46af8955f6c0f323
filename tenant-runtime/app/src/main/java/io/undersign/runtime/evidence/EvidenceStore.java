package io.undersign.runtime.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evidence requests (which are also the outbox of messages to publish) and the results received. */
@ApplicationScoped
public class EvidenceStore {
    private static final TypeReference<Map<String, Object>> RESULTS = new TypeReference<>() {
    };

    static final String RESULTS_FIELD = io.undersign.privacy.SealedColumns.EVIDENCE_RESULT;

    @Inject
    io.undersign.runtime.privacy.CaseCrypto crypto;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    /** A request, with its result once one has arrived. */
    public record Request(String requestId, String caseId, String type, EvidenceStatus status, Instant requestedAt,
            @Schema(nullable = true) Instant publishedAt, @Schema(nullable = true) Instant receivedAt,
            @Schema(nullable = true) Map<String, Object> results) {
    }

    /** Records a new request (the outbox row); returns it as stored. */
    public Request insert(String requestId, String caseId, String type, Instant now) {
        jdbc.update("INSERT INTO evidence_request (request_id, case_id, evidence_type, status, requested_at) VALUES (?, ?, ?, ?, ?)",
                requestId, caseId, type, EvidenceStatus.REQUESTED.name(), Timestamp.from(now));
        return new Request(requestId, caseId, type, EvidenceStatus.REQUESTED, now, null, null, null);
    }

    /** The evidence types already requested for a case. */
    public java.util.Set<String> requestedTypes(String caseId) {
        return new java.util.HashSet<>(jdbc.query("SELECT evidence_type FROM evidence_request WHERE case_id = ?", r -> r.getString(1), caseId));
    }

    public List<Request> ofCase(String caseId) {
        return jdbc.query(SELECT + " WHERE q.case_id = ? ORDER BY q.requested_at, q.evidence_type", this::request, caseId);
    }

    /** The requests of a page of cases in one query, by case (in each, as {@link #ofCase} orders them). */
    public Map<String, List<Request>> ofCases(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Request>> byCase = new java.util.HashMap<>();
        jdbc.query(SELECT + " WHERE q.case_id IN (" + Jdbc.placeholders(caseIds.size()) + ") ORDER BY q.requested_at, q.evidence_type",
                this::request, caseIds.toArray()).forEach(r -> byCase.computeIfAbsent(r.caseId(), id -> new java.util.ArrayList<>()).add(r));
        return byCase;
    }

    public Optional<Request> find(String requestId) {
        return jdbc.query(SELECT + " WHERE q.request_id = ?", this::request, requestId).stream().findFirst();
    }

    /** Requests not yet on the broker, oldest first. */
    public List<Request> unpublished(int limit) {
        return jdbc.query(SELECT + " WHERE q.published_at IS NULL ORDER BY q.requested_at LIMIT " + limit, this::request);
    }

    public void markPublished(String requestId, Instant now) {
        jdbc.update("UPDATE evidence_request SET published_at = ? WHERE request_id = ? AND published_at IS NULL",
                Timestamp.from(now), requestId);
    }

    /** Stores a result; false when this request already has one (a duplicate or redelivery). */
    public boolean addResult(String requestId, String caseId, Map<String, Object> results, Instant observedAt, Instant now) {
        boolean added = jdbc.insertIfAbsent(
                "INSERT INTO evidence_result (request_id, case_id, results, observed_at, received_at) VALUES (?, ?, ?, ?, ?)",
                requestId, caseId, crypto.seal(caseId, RESULTS_FIELD, write(results)), Timestamp.from(observedAt), Timestamp.from(now));
        if (added) {
            jdbc.update("UPDATE evidence_request SET status = ?, received_at = ? WHERE request_id = ?", EvidenceStatus.RECEIVED.name(), Timestamp.from(now), requestId);
        }
        return added;
    }

    private static final String SELECT = """
            SELECT q.request_id, q.case_id, q.evidence_type, q.status, q.requested_at, q.published_at, q.received_at, r.results
            FROM evidence_request q LEFT JOIN evidence_result r ON r.request_id = q.request_id""";

    private Request request(ResultSet r) throws SQLException {
        String caseId = r.getString("case_id");
        String results = crypto.open(caseId, RESULTS_FIELD, r.getString("results"));
        return new Request(r.getString("request_id"), caseId, r.getString("evidence_type"),
                EvidenceStatus.valueOf(r.getString("status")),
                instant(r, "requested_at"), instant(r, "published_at"), instant(r, "received_at"), results == null ? null : read(results));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, RESULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
