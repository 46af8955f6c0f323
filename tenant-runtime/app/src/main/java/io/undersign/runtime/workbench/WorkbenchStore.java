package io.undersign.runtime.workbench;

import io.undersign.runtime.cases.CaseRepository;

import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The workbench's rows in the tenant's database: the queue, people's decisions, notes and the authority matrix. */
@ApplicationScoped
public class WorkbenchStore {

    @Inject
    io.undersign.runtime.privacy.CaseCrypto crypto;

    @Inject
    Jdbc jdbc;

    /** A case waiting for a person. */
    public record WorkItem(String caseId, String shortRef, String reference, String reason, Instant queuedAt, Instant dueAt,
            String assigneeId, String assigneeName, Instant firstTouchedAt, Instant closedAt) {
        public boolean open() {
            return closedAt == null;
        }
    }

    /** A person's decision beside the engine's. */
    public record Review(long id, String caseId, String outcome, Integer table, String exclusions, Integer postponeMonths, String reasonCode,
            String reasonText, String status, String makerId, String makerName, String makerRole, String approverId, String approverName,
            Instant approvedAt, Instant createdAt) {
    }

    public record Note(long id, String authorName, String body, Instant createdAt) {
    }

    /** How the queue is narrowed and ordered (every value from a fixed set, never SQL text from the request). */
    public record QueueQuery(String reason, String assignee, String assigneeId, boolean overdueOnly, String sort, Instant now) {
    }

    // --- the queue ---

    /** A case the engine could not decide alone comes (back) to the queue; one already open keeps its due time. */
    public void enqueue(String caseId, String reason, Instant now, Instant due) {
        jdbc.update("""
                INSERT INTO case_work (case_id, reason, queued_at, due_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    due_at = IF(closed_at IS NULL, due_at, VALUES(due_at)),
                    queued_at = IF(closed_at IS NULL, queued_at, VALUES(queued_at)),
                    assignee_id = IF(closed_at IS NULL, assignee_id, NULL),
                    assignee_name = IF(closed_at IS NULL, assignee_name, NULL),
                    reason = VALUES(reason), closed_at = NULL""",
                caseId, reason, ts(now), ts(due));
    }

    /** Evidence came for a case a person has (or had): it comes back for review; a case never queued does not. */
    public void evidenceArrived(String caseId, Instant now, Instant due) {
        jdbc.update("""
                UPDATE case_work SET reason = 'EVIDENCE_ARRIVED',
                    due_at = IF(closed_at IS NULL, due_at, ?), queued_at = IF(closed_at IS NULL, queued_at, ?), closed_at = NULL
                WHERE case_id = ?""", ts(due), ts(now), caseId);
    }

    public Optional<WorkItem> item(String caseId) {
        return jdbc.query(ITEM_SELECT + " WHERE w.case_id = ?", WorkbenchStore::item, caseId).stream().findFirst();
    }

    /** The item, locked for the rest of the transaction: actions on one case happen one at a time. */
    public Optional<WorkItem> itemForUpdate(String caseId) {
        return jdbc.query(ITEM_SELECT + " WHERE w.case_id = ? FOR UPDATE", WorkbenchStore::item, caseId).stream().findFirst();
    }

    public List<WorkItem> queue(QueueQuery q) {
        StringBuilder sql = new StringBuilder(ITEM_SELECT).append(" WHERE w.closed_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (q.reason() != null) {
            sql.append(" AND w.reason = ?");
            params.add(q.reason());
        }
        if ("mine".equals(q.assignee())) {
            sql.append(" AND w.assignee_id = ?");
            params.add(q.assigneeId());
        } else if ("unassigned".equals(q.assignee())) {
            sql.append(" AND w.assignee_id IS NULL");
        }
        if (q.overdueOnly()) {
            sql.append(" AND w.due_at < ?");
            params.add(ts(q.now()));
        }
        sql.append("age".equals(q.sort()) ? " ORDER BY w.queued_at, w.case_id" : " ORDER BY w.due_at, w.case_id");
        sql.append(" LIMIT 500");
        return jdbc.query(sql.toString(), WorkbenchStore::item, params.toArray());
    }

    public void assign(String caseId, String assigneeId, String assigneeName, Instant now) {
        jdbc.update("UPDATE case_work SET assignee_id = ?, assignee_name = ?, assigned_at = ? WHERE case_id = ?",
                assigneeId, assigneeName, ts(now), caseId);
    }

    public void release(String caseId) {
        jdbc.update("UPDATE case_work SET assignee_id = NULL, assignee_name = NULL, assigned_at = NULL WHERE case_id = ?", caseId);
    }

    /** The first time a person acted on the case since it was queued (claim, note, decision). */
    public void touch(String caseId, Instant now) {
        jdbc.update("UPDATE case_work SET first_touched_at = COALESCE(first_touched_at, ?) WHERE case_id = ?", ts(now), caseId);
    }

    public void markAwaitingApproval(String caseId) {
        jdbc.update("UPDATE case_work SET reason = 'AWAITING_APPROVAL' WHERE case_id = ?", caseId);
    }

    public void close(String caseId, Instant now) {
        jdbc.update("UPDATE case_work SET closed_at = ? WHERE case_id = ?", ts(now), caseId);
    }

    /** Seconds from queued to first touch, of every case touched so far (for p50/p95). */
    public List<Long> firstTouchSeconds() {
        return jdbc.query("SELECT TIMESTAMPDIFF(SECOND, queued_at, first_touched_at) FROM case_work WHERE first_touched_at IS NOT NULL",
                r -> r.getLong(1));
    }

    // --- people's decisions ---

    public long addReview(String caseId, ManualDecision d, String status, Underwriter maker, Instant now) {
        jdbc.update("""
                INSERT INTO case_review (case_id, outcome, rating_table, exclusions, postpone_months, reason_code, reason_text, status,
                    maker_id, maker_name, maker_role, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId, d.outcome(), d.tableOrZero() == 0 ? null : d.tableOrZero(),
                d.exclusions().isEmpty() ? null : crypto.seal(caseId, CaseRepository.REVIEW_EXCLUSIONS_FIELD, String.join("\n", d.exclusions())),
                "POSTPONE".equals(d.outcome()) ? d.postponeMonths() : null, d.reasonCode(),
                crypto.seal(caseId, CaseRepository.REVIEW_REASON_FIELD, d.reasonText().strip()), status,
                maker.id(), maker.name(), maker.highestRole().orElse("none"), ts(now));
        return jdbc.query("SELECT MAX(id) FROM case_review WHERE case_id = ? AND maker_id = ?", r -> r.getLong(1), caseId, maker.id()).get(0);
    }

    public List<Review> reviews(String caseId) {
        return jdbc.query("SELECT * FROM case_review WHERE case_id = ? ORDER BY id", this::review, caseId);
    }

    public Optional<Review> reviewForUpdate(String caseId, long id) {
        return jdbc.query("SELECT * FROM case_review WHERE case_id = ? AND id = ? FOR UPDATE", this::review, caseId, id)
                .stream().findFirst();
    }

    public void settleReview(long id, String status, Underwriter approver, Instant now) {
        jdbc.update("UPDATE case_review SET status = ?, approver_id = ?, approver_name = ?, approved_at = ? WHERE id = ?",
                status, approver.id(), approver.name(), ts(now), id);
    }

    // --- notes ---

    public void addNote(String caseId, Underwriter author, String body, Instant now) {
        jdbc.update("INSERT INTO case_note (case_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?)",
                caseId, author.id(), author.name(), crypto.seal(caseId, CaseRepository.NOTE_FIELD, body), ts(now));
    }

    public List<Note> notes(String caseId) {
        return jdbc.query("SELECT id, author_name, body, created_at FROM case_note WHERE case_id = ? ORDER BY id",
                r -> new Note(r.getLong(1), r.getString(2), crypto.open(caseId, CaseRepository.NOTE_FIELD, r.getString(3)),
                        instant(r.getTimestamp(4))), caseId);
    }

    // --- people ---

    public record Person(String id, String username, String name, String role) {
    }

    public void seen(Underwriter u, Instant now) {
        jdbc.update("""
                INSERT INTO workbench_person (id, username, name, role, last_seen) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE username = VALUES(username), name = VALUES(name), role = VALUES(role), last_seen = VALUES(last_seen)""",
                u.id(), u.username(), u.name(), u.highestRole().orElse(null), ts(now));
    }

    public List<Person> people() {
        return jdbc.query("SELECT id, username, name, role FROM workbench_person ORDER BY name",
                r -> new Person(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }

    public Optional<Person> person(String id) {
        return people().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    // --- authority ---

    public List<Authority> authorities() {
        return jdbc.query("SELECT role, max_sum_assured, max_table, may_decline, may_exclude FROM underwriting_authority",
                r -> new Authority(r.getString(1), r.getLong(2), r.getInt(3), r.getBoolean(4), r.getBoolean(5)));
    }

    private static final String ITEM_SELECT = """
            SELECT w.case_id, c.short_ref, c.reference, w.reason, w.queued_at, w.due_at, w.assignee_id, w.assignee_name,
                w.first_touched_at, w.closed_at
            FROM case_work w JOIN case_file c ON c.id = w.case_id""";

    private static WorkItem item(ResultSet r) throws SQLException {
        return new WorkItem(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r.getTimestamp(5)),
                instant(r.getTimestamp(6)), r.getString(7), r.getString(8), instant(r.getTimestamp(9)), instant(r.getTimestamp(10)));
    }

    private Review review(ResultSet r) throws SQLException {
        String caseId = r.getString("case_id");
        return new Review(r.getLong("id"), caseId, r.getString("outcome"), (Integer) r.getObject("rating_table"),
                crypto.open(caseId, CaseRepository.REVIEW_EXCLUSIONS_FIELD, r.getString("exclusions")), (Integer) r.getObject("postpone_months"),
                r.getString("reason_code"), crypto.open(caseId, CaseRepository.REVIEW_REASON_FIELD, r.getString("reason_text")),
                r.getString("status"), r.getString("maker_id"), r.getString("maker_name"), r.getString("maker_role"),
                r.getString("approver_id"), r.getString("approver_name"), instant(r.getTimestamp("approved_at")),
                instant(r.getTimestamp("created_at")));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
