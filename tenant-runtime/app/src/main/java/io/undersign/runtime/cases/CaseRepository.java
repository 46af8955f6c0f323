package io.undersign.runtime.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases, decisions, idempotency keys and the audit trail in this tenant's own database. Plain
 * JDBC on the managed datasource: callers hold the transaction, so a case and its decision
 * commit together.
 */
@ApplicationScoped
public class CaseRepository {
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, Object>>> EVIDENCE = new TypeReference<>() {
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    public void insert(StoredCase c) {
        update("""
                INSERT INTO case_file (id, reference, channel, status, answers, evidence, application_date, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.reference(), c.channel(), c.status(), write(c.answers()), write(c.evidence()),
                Date.valueOf(c.applicationDate()), Timestamp.from(c.createdAt()), Timestamp.from(c.updatedAt()));
    }

    public void updateAnswers(String id, String status, Map<String, Object> answers, Instant now) {
        update("UPDATE case_file SET answers = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                write(answers), status, Timestamp.from(now), id);
    }

    public void addDecision(String caseId, String outcome, String rulebookId, String rulebookVersion, Object decision, Instant now) {
        update("""
                INSERT INTO case_decision (case_id, outcome, rulebook_id, rulebook_version, decision, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", caseId, outcome, rulebookId, rulebookVersion, write(decision), Timestamp.from(now));
    }

    public Optional<StoredCase> find(String id) {
        List<StoredCase> found = query("SELECT * FROM case_file WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** Newest first, keyset-paged by (created_at, id). */
    public List<StoredCase> page(Instant beforeCreated, String beforeId, int limit) {
        if (beforeCreated == null) {
            return query("SELECT * FROM case_file ORDER BY created_at DESC, id DESC LIMIT " + limit);
        }
        return query("SELECT * FROM case_file WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT " + limit,
                Timestamp.from(beforeCreated), beforeId);
    }

    /** A case's latest decision and how many it has had, in one query. */
    public record Decisions(JsonNode latest, int count) {
    }

    public Decisions decisions(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT decision, (SELECT COUNT(*) FROM case_decision WHERE case_id = ?)
                        FROM case_decision WHERE case_id = ? ORDER BY id DESC LIMIT 1""")) {
            s.setString(1, caseId);
            s.setString(2, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Decisions(json.readTree(r.getString(1)), r.getInt(2)) : new Decisions(null, 0);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read decisions of case " + caseId, e);
        }
    }

    public Optional<String[]> idempotencyKey(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT request_hash, case_id FROM api_idempotency WHERE idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void rememberIdempotencyKey(String key, String requestHash, String caseId, Instant now) {
        update("INSERT INTO api_idempotency (idem_key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?)",
                key, requestHash, caseId, Timestamp.from(now));
    }

    public void audit(String actor, String action, String detail, Instant now) {
        update("INSERT INTO tenant_audit_event (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                Timestamp.from(now), actor, action, detail);
    }

    private List<StoredCase> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<StoredCase> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String evidence = r.getString("evidence");
                    out.add(new StoredCase(r.getString("id"), r.getString("reference"), r.getString("channel"), r.getString("status"),
                            json.readValue(r.getString("answers"), ANSWERS),
                            evidence == null ? Map.of() : json.readValue(evidence, EVIDENCE),
                            r.getDate("application_date").toLocalDate(), r.getTimestamp("created_at").toInstant(),
                            r.getTimestamp("updated_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read cases", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write case data", e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
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
