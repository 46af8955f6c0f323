package io.undersign.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases one case's health data, in the caller's transaction on a connection to the tenant's data
 * (the runtime's API and the control plane's CLI run this same code): the case's data key is
 * destroyed, so every copy of its sealed values (a dump, a backup, a replica) is unreadable from
 * now on, and the values themselves are removed. What the insurer must keep stays: the case, its
 * dates, every decision's outcome and reason codes, underwriters' decisions without their words,
 * evidence requests without results, the audit trail (which holds no health data). The receipt,
 * signed with the tenant's receipts key, names both. A second erasure of the case returns the
 * first one's receipt and changes nothing.
 */
public final class CaseErasure {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseErasure() {
    }

    /** The case's erasure receipt; empty when there is no such case. Takes the case's row lock first. */
    public static Optional<ErasureReceipt.Signed> erase(Connection c, TenantKeyring ring, String caseId, String reason, String requestedBy,
            Instant now) throws SQLException {
        String reference;
        try (PreparedStatement s = c.prepareStatement("SELECT reference, erased_at FROM case_file WHERE id = ? FOR UPDATE")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                reference = r.getString(1);
                if (r.getTimestamp(2) != null) {
                    return receipt(c, caseId);
                }
            }
        }
        List<String> erased = new ArrayList<>();
        erased.add("the applicant's answers");
        if (count(c, "SELECT COUNT(*) FROM case_file WHERE id = ? AND draft IS NOT NULL", caseId) > 0) {
            erased.add("the interview page being answered");
        }
        long results = count(c, "SELECT COUNT(*) FROM evidence_result WHERE case_id = ? AND results IS NOT NULL", caseId);
        erased.add(plural(results, "evidence result"));
        long decisions = count(c, "SELECT COUNT(*) FROM case_decision WHERE case_id = ?", caseId);
        erased.add("the terms and explanation of " + plural(decisions, "engine decision"));
        erased.add(plural(count(c, "SELECT COUNT(*) FROM case_note WHERE case_id = ? AND body IS NOT NULL", caseId), "underwriter's note"));
        long reviews = count(c, "SELECT COUNT(*) FROM case_review WHERE case_id = ?", caseId);
        erased.add("the reasons and exclusions written for " + plural(reviews, "underwriter's decision"));
        boolean keyDestroyed = CaseKeys.destroy(c, ring.store(), caseId);
        erased.add("the case's data key (" + (keyDestroyed ? "destroyed" : "already gone") + "): copies taken before now cannot be read");

        update(c, "UPDATE case_file SET answers = '{}', evidence = NULL, draft = NULL, erased_at = ?, updated_at = ?, version = version + 1 "
                + "WHERE id = ?", Timestamp.from(now), Timestamp.from(now), caseId);
        update(c, "UPDATE case_decision SET decision = NULL WHERE case_id = ?", caseId);
        update(c, "UPDATE evidence_result SET results = NULL WHERE case_id = ?", caseId);
        update(c, "UPDATE case_note SET body = NULL WHERE case_id = ?", caseId);
        update(c, "UPDATE case_review SET reason_text = NULL, exclusions = NULL WHERE case_id = ?", caseId);

        List<String> kept = List.of("the case's id, reference and channel", "the application date and the date of every change",
                "the outcome, rulebook version and reason codes of " + plural(decisions, "engine decision"),
                "who made " + plural(reviews, "underwriter's decision") + ", its outcome, reason code and dates",
                "evidence requests (type and dates, no results)", "the tenant's audit trail (it holds no health data)");
        ErasureReceipt.Signed signed = new ErasureReceipt(UUID.randomUUID().toString(), ring.store().tenantId(), caseId, reference,
                now.toString(), reason, requestedBy, List.copyOf(erased), kept, keyDestroyed).sign(ring);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_erasure (case_id, receipt_id, erased_at, reason, requested_by, receipt, "
                + "signature) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, caseId);
            s.setString(2, signed.receipt().receiptId());
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, reason);
            s.setString(5, requestedBy);
            s.setString(6, JSON.writeValueAsString(signed.receipt()));
            s.setString(7, signed.signature());
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the audit entry names the case and the receipt, never the reason's words
        update(c, "INSERT INTO tenant_audit_event (at, actor, action, detail) VALUES (?, ?, ?, ?)", Timestamp.from(now), requestedBy,
                "case.erased", caseId + " receipt " + signed.receipt().receiptId());
        return Optional.of(signed);
    }

    /** The receipt of the case's erasure, if it was erased. */
    public static Optional<ErasureReceipt.Signed> receipt(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT receipt, signature FROM case_erasure WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ErasureReceipt.Signed(JSON.readValue(r.getString(1), ErasureReceipt.class), r.getString(2), "Ed25519 (Tink)"));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored erasure receipt cannot be read", e);
        }
    }

    private static String plural(long n, String what) {
        return n + " " + (n == 1 ? what : what.endsWith("'s decision") ? what.replace("'s decision", "s' decisions")
                : what.endsWith("'s note") ? what.replace("'s note", "s' notes") : what + "s");
    }

    private static long count(Connection c, String sql, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
