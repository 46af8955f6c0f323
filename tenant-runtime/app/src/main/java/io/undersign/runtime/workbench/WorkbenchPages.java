package io.undersign.runtime.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.engine.Rulebook;
import io.undersign.engine.model.Question;
import io.undersign.runtime.TenantBrand;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.CaseView;
import io.undersign.runtime.cases.FinalDecision;
import io.undersign.runtime.cases.RulebookHolder;
import io.undersign.runtime.cases.StoredCase;
import io.undersign.runtime.db.Jdbc;
import io.undersign.runtime.evidence.EvidenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the workbench's pages from what is stored: the queue and one case with all of its history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkbenchPages {
    static final Map<String, String> REASONS = Map.of("REFER", "Referred by the engine", "PENDING_EVIDENCE", "Waiting for evidence",
            "EVIDENCE_ARRIVED", "Evidence arrived for review", "AWAITING_APPROVAL", "Waiting for approval");
    static final List<String> REASON_ORDER = List.of("REFER", "PENDING_EVIDENCE", "EVIDENCE_ARRIVED", "AWAITING_APPROVAL");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    @Inject
    io.undersign.runtime.cases.CaseRepository caseRepository;

    @Inject
    WorkbenchStore store;

    @Inject
    CaseReads cases;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    TenantBrand brand;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    WorkbenchViews.Brand brand() {
        return new WorkbenchViews.Brand(brand.displayName(), brand.colour());
    }

    static WorkbenchViews.Me me(Underwriter u) {
        return new WorkbenchViews.Me(u.name(), u.highestRole().orElse("no underwriting role"));
    }

    WorkbenchViews.QueueView queue(Underwriter me, WorkbenchStore.QueueQuery query, List<String> problems) {
        Instant now = clock.instant();
        List<WorkbenchViews.Row> rows = store.queue(query).stream().map(i -> new WorkbenchViews.Row(i.caseId(), ref(i.shortRef(), i.caseId()),
                REASONS.getOrDefault(i.reason(), i.reason()), age(Duration.between(i.queuedAt(), now)), WHEN.format(i.dueAt()),
                i.dueAt().isBefore(now), i.assigneeName() == null ? "Nobody" : i.assigneeName(), me.id().equals(i.assigneeId()),
                i.assigneeId() == null)).toList();
        List<WorkbenchViews.Option> reasons = new ArrayList<>();
        reasons.add(new WorkbenchViews.Option("", "Every reason", query.reason() == null));
        REASON_ORDER.forEach(r -> reasons.add(new WorkbenchViews.Option(r, REASONS.get(r), r.equals(query.reason()))));
        List<WorkbenchViews.Option> assignees = List.of(
                new WorkbenchViews.Option("all", "Everyone's", "all".equals(query.assignee())),
                new WorkbenchViews.Option("mine", "Mine", "mine".equals(query.assignee())),
                new WorkbenchViews.Option("unassigned", "Nobody's yet", "unassigned".equals(query.assignee())));
        List<WorkbenchViews.Option> sorts = List.of(
                new WorkbenchViews.Option("due", "Due soonest", !"age".equals(query.sort())),
                new WorkbenchViews.Option("age", "Waiting longest", "age".equals(query.sort())));
        List<WorkbenchViews.Option> people = store.people().stream()
                .map(p -> new WorkbenchViews.Option(p.id(), p.name() + (p.role() == null ? "" : " (" + p.role() + ")"), false)).toList();
        boolean mayAssign = me.roles().contains("senior-underwriter") || me.roles().contains("chief-underwriter");
        return new WorkbenchViews.QueueView(brand(), me(me), rows, reasons, assignees, sorts, query.overdueOnly(), people, mayAssign,
                firstTouch(), problems);
    }

    /** Time to first touch over every case a person has touched: p50 and p95, nearest rank. */
    String firstTouch() {
        List<Long> seconds = new ArrayList<>(store.firstTouchSeconds());
        if (seconds.isEmpty()) {
            return "No case touched yet";
        }
        seconds.sort(null);
        return "p50 " + age(Duration.ofSeconds(rank(seconds, 0.50))) + ", p95 " + age(Duration.ofSeconds(rank(seconds, 0.95)))
                + " over " + seconds.size() + " case" + (seconds.size() == 1 ? "" : "s");
    }

    private static long rank(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    WorkbenchViews.CaseView casePage(Underwriter me, String caseId, List<WorkbenchViews.Problem> problems, WorkbenchViews.FormValues form) {
        CaseView c = cases.get(caseId);
        StoredCase stored = cases.stored(caseId);
        Rulebook rulebook = rulebooks.of(stored);
        WorkbenchStore.WorkItem item = store.item(caseId).orElse(null);
        List<WorkbenchViews.Line> answers = new ArrayList<>();
        for (Question q : rulebook.questions()) {
            if (c.answers().containsKey(q.id())) {
                answers.add(new WorkbenchViews.Line(q.text(), String.valueOf(c.answers().get(q.id()))));
            }
        }
        List<WorkbenchViews.Evidence> evidence = c.evidence().stream().map(this::evidence).toList();
        List<WorkbenchViews.Review> reviews = store.reviews(caseId).stream().map(r -> review(r, me)).toList();
        List<WorkbenchViews.Note> notes = store.notes(caseId).stream()
                .map(n -> new WorkbenchViews.Note(n.authorName(), WHEN.format(n.createdAt()), n.body())).toList();
        FinalDecision standing = c.finalDecision();
        boolean open = item != null && item.open();
        String authority = me.authority(store.authorities()).map(a -> "Your authority (" + a.role() + "): sum assured up to "
                + NumberFormat.getIntegerInstance(Locale.UK).format(a.maxSumAssured()) + ", up to table " + a.maxTable()
                + (a.mayDecline() ? ", may decline or postpone" : ", may not decline or postpone")
                + (a.mayExclude() ? ", may exclude" : ", may not exclude")).orElse("You hold no underwriting role here");
        List<WorkbenchViews.Option> outcomes = ManualDecision.OUTCOMES.stream().sorted()
                .map(o -> new WorkbenchViews.Option(o, outcomeWords(o), o.equals(form.outcome()))).toList();
        List<WorkbenchViews.Option> reasonCodes = ManualDecision.REASON_CODES.entrySet().stream()
                .map(e -> new WorkbenchViews.Option(e.getKey(), e.getValue(), e.getKey().equals(form.reasonCode()))).toList();
        List<WorkbenchViews.Option> evidenceTypes = rulebook.definition().evidence().stream()
                .map(e -> new WorkbenchViews.Option(e.id(), e.name(), false)).toList();
        return new WorkbenchViews.CaseView(brand(), me(me), caseId, ref(c.shortRef(), caseId), c.reference(),
                standing == null ? "Not decided yet" : outcomeWords(standing.outcome()),
                standing == null ? "" : "underwriter".equals(standing.decidedBy())
                        ? "by " + standing.underwriter() + (standing.approvedBy() == null ? "" : ", approved by " + standing.approvedBy())
                        : "by the engine",
                item == null ? "Never queued" : open ? REASONS.getOrDefault(item.reason(), item.reason()) + ", due " + WHEN.format(item.dueAt())
                        : "Decided, out of the queue",
                item == null || item.assigneeName() == null ? "Nobody" : item.assigneeName(), open,
                item != null && me.id().equals(item.assigneeId()), open && item.assigneeId() == null,
                answers, evidence, engineDecisions(caseId), reviews, notes, auditOf(caseId), outcomes, reasonCodes, evidenceTypes,
                authority, problems, form);
    }

    WorkbenchViews.AuthorityView authority(Underwriter me) {
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.UK);
        List<WorkbenchViews.AuthorityRow> rows = new ArrayList<>();
        List<Authority> matrix = store.authorities();
        for (String role : io.undersign.contract.WorkbenchRoles.ALL) {
            matrix.stream().filter(a -> a.role().equals(role)).findFirst().ifPresent(a -> rows.add(new WorkbenchViews.AuthorityRow(a.role(),
                    money.format(a.maxSumAssured()), "Table " + a.maxTable(), a.mayDecline() ? "Yes" : "No", a.mayExclude() ? "Yes" : "No")));
        }
        return new WorkbenchViews.AuthorityView(brand(), me(me), rows);
    }

    private WorkbenchViews.Evidence evidence(EvidenceStore.Request r) {
        List<WorkbenchViews.Line> results = new ArrayList<>();
        if (r.results() != null) {
            r.results().forEach((k, v) -> results.add(new WorkbenchViews.Line(k, String.valueOf(v))));
        }
        return new WorkbenchViews.Evidence(r.type(), r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                WHEN.format(r.requestedAt()), results);
    }

    private WorkbenchViews.Review review(WorkbenchStore.Review r, Underwriter me) {
        String terms = switch (r.outcome()) {
            case "RATED" -> "Table " + r.table() + " (+" + (r.table() * 25) + "%)";
            case "EXCLUSION" -> "Excluding " + String.join("; ", r.exclusions() == null ? List.of() : List.of(r.exclusions().split("\n")));
            case "POSTPONE" -> r.postponeMonths() + " months";
            default -> "";
        };
        boolean awaiting = Workbench.AWAITING_APPROVAL.equals(r.status());
        String status = switch (r.status()) {
            case Workbench.FINAL -> r.approverName() == null ? "Final" : "Final, approved by " + r.approverName();
            case Workbench.AWAITING_APPROVAL -> "Waiting for approval";
            case Workbench.REJECTED -> "Sent back by " + r.approverName();
            default -> r.status();
        };
        return new WorkbenchViews.Review(r.id(), outcomeWords(r.outcome()), terms, ManualDecision.REASON_CODES.getOrDefault(r.reasonCode(),
                r.reasonCode()), r.reasonText(), status, r.makerName() + " (" + r.makerRole() + ")", r.approverName(),
                WHEN.format(r.createdAt()), awaiting, awaiting && !r.makerId().equals(me.id()));
    }

    private List<WorkbenchViews.EngineDecision> engineDecisions(String caseId) {
        return jdbc.query("SELECT outcome, rulebook_id, rulebook_version, decision, created_at FROM case_decision WHERE case_id = ? ORDER BY id",
                r -> {
                    List<String> why = new ArrayList<>();
                    List<String> firings = new ArrayList<>();
                    JsonNode decision = caseRepository.decision(caseId, r.getString(4));
                    if (decision == null) {
                        why.add("The explanation was erased with the case's health data.");
                    } else {
                        JsonNode explanation = decision.path("explanation");
                        explanation.path("why").forEach(w -> why.add(w.asText()));
                        explanation.path("firings").forEach(f -> firings.add(f.path("source").asText() + " [" + f.path("reasonCode").asText()
                                + "] " + f.path("reason").asText()));
                    }
                    return new WorkbenchViews.EngineDecision(outcomeWords(r.getString(1)), r.getString(2) + " " + r.getString(3),
                            WHEN.format(r.getTimestamp(5).toInstant()), why, firings);
                }, caseId);
    }

    /** The case's own entries of the tenant's audit trail (each names its case first). */
    private List<WorkbenchViews.Audit> auditOf(String caseId) {
        return jdbc.query("SELECT at, actor, action, detail FROM tenant_audit_event WHERE LEFT(detail, 22) = ? ORDER BY id",
                r -> new WorkbenchViews.Audit(WHEN.format(r.getTimestamp(1).toInstant()), r.getString(2), r.getString(3), r.getString(4)),
                caseId);
    }

    static String outcomeWords(String outcome) {
        return switch (outcome) {
            case "STANDARD" -> "Standard terms";
            case "RATED" -> "Rated (higher premium)";
            case "EXCLUSION" -> "Standard terms with an exclusion";
            case "POSTPONE" -> "Postpone";
            case "DECLINE" -> "Decline";
            case "REFER" -> "Refer to an underwriter";
            case "PENDING_EVIDENCE" -> "Waiting for evidence";
            default -> outcome;
        };
    }

    private static String ref(String shortRef, String caseId) {
        return shortRef == null ? caseId : shortRef;
    }

    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h " + (minutes % 60) + " min" : (hours / 24) + " days " + (hours % 24) + " h";
    }
}
