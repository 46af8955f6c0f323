package io.undersign.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a tenant holds about one applicant's case, as one JSON document (a subject access
 * request): the case, answers, evidence requests and results, every engine decision with its
 * explanation, underwriters' decisions and notes, the work item, an erasure's receipt and the
 * case's entries of the audit trail. Sealed values are opened with the case's key; after an erasure
 * the document shows what was kept and the receipt. Read in one snapshot, on the caller's connection.
 */
public final class SubjectAccess {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns holding JSON documents (shown as such, not as text). */
    private static final Set<String> JSON_COLUMNS = Set.of("case_file.answers", "case_file.evidence", "case_file.draft",
            "case_decision.decision", "evidence_result.results");

    /** (section, table, ordering) of the case's rows. */
    private record Section(String name, String table, String order) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("engineDecisions", "case_decision", "id"),
            new Section("evidenceRequests", "evidence_request", "requested_at, request_id"),
            new Section("evidenceResults", "evidence_result", "received_at, request_id"),
            new Section("underwriterDecisions", "case_review", "id"),
            new Section("underwriterNotes", "case_note", "id"),
            new Section("workItem", "case_work", "case_id"));

    private SubjectAccess() {
    }

    /** The document; empty when the tenant has no such case. */
    public static Optional<ObjectNode> of(Connection c, TenantKeyring ring, String caseId, Instant now) throws SQLException {
        SealedValues sealed = new SealedValues(c, ring);
        List<ObjectNode> file = rows(c, sealed, "case_file", "id = ?", "id", caseId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("tenant", ring.store().tenantId());
        doc.put("caseId", caseId);
        doc.put("generatedAt", now.toString());
        ObjectNode theCase = file.get(0);
        doc.set("answers", theCase.remove("answers"));
        doc.set("evidence", theCase.remove("evidence"));
        doc.set("interviewDraft", theCase.remove("draft"));
        theCase.remove("version");
        doc.set("case", theCase);
        for (Section s : SECTIONS) {
            ArrayNode list = doc.putArray(s.name());
            rows(c, sealed, s.table(), "case_id = ?", s.order(), caseId).forEach(list::add);
        }
        CaseErasure.receipt(c, caseId).ifPresentOrElse(r -> {
            ObjectNode erasure = doc.putObject("erasure");
            erasure.set("receipt", JSON.valueToTree(r.receipt()));
            erasure.put("signature", r.signature());
            erasure.put("algorithm", r.algorithm());
        }, () -> doc.putNull("erasure"));
        // the tenant's audit entries about the case name it first
        ArrayNode audit = doc.putArray("auditTrail");
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, at, actor, action, detail FROM tenant_audit_event WHERE detail = ? OR detail LIKE ? ORDER BY id")) {
            s.setString(1, caseId);
            s.setString(2, caseId + " %");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ObjectNode e = audit.addObject();
                    e.put("id", r.getLong(1));
                    e.put("at", r.getTimestamp(2).toInstant().toString());
                    e.put("actor", r.getString(3));
                    e.put("action", r.getString(4));
                    e.put("detail", r.getString(5));
                }
            }
        }
        return Optional.of(doc);
    }

    private static List<ObjectNode> rows(Connection c, SealedValues sealed, String table, String where, String order, String caseId)
            throws SQLException {
        List<ObjectNode> out = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM `" + table + "` WHERE " + where + " ORDER BY " + order)) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i);
                        Object value = r.getObject(i);
                        if (value instanceof String text) {
                            String open = sealed.open(table, column, caseId, text);
                            row.set(camel(column), JSON_COLUMNS.contains(table + "." + column) && open != null ? parse(open) : JSON.valueToTree(open));
                        } else if (value instanceof Number n) {
                            row.set(camel(column), JSON.valueToTree(n));
                        } else if (value instanceof Timestamp t) {
                            row.put(camel(column), t.toInstant().toString());
                        } else {
                            row.set(camel(column), value == null ? JSON.nullNode() : JSON.valueToTree(value.toString()));
                        }
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.valueToTree(json);
        }
    }

    private static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
