package io.undersign.runtime.workbench;

import java.util.List;

/** View models of the workbench's pages: everything a page shows, already worked out and in words. */
final class WorkbenchViews {
    private WorkbenchViews() {
    }

    record Brand(String name, String colour) {
    }

    record Me(String name, String role) {
    }

    record Option(String value, String label, boolean selected) {
    }

    record Row(String caseId, String ref, String reason, String age, String due, boolean overdue, String assignee, boolean mine,
            boolean claimable) {
    }

    record QueueView(Brand brand, Me me, List<Row> rows, List<Option> reasons, List<Option> assignees, List<Option> sorts, boolean overdue,
            List<Option> people, boolean mayAssign, String firstTouch, List<String> problems) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    record Line(String label, String value) {
    }

    record EngineDecision(String outcome, String rulebook, String at, List<String> why, List<String> firings) {
    }

    record Review(long id, String outcome, String terms, String reason, String text, String status, String maker, String approver,
            String at, boolean awaiting, boolean mayApprove) {
    }

    record Evidence(String type, String status, String requestedAt, List<Line> results) {
    }

    record Audit(String at, String actor, String action, String detail) {
    }

    record Note(String author, String at, String body) {
    }

    /** A problem to show at the top of the case page; {@code field} links to the input at fault (null: the whole action). */
    record Problem(String field, String message) {
    }

    record CaseView(Brand brand, Me me, String caseId, String ref, String reference, String standing, String standingBy, String queueState,
            String assignee, boolean open, boolean mine, boolean claimable, List<Line> answers, List<Evidence> evidence,
            List<EngineDecision> decisions, List<Review> reviews, List<Note> notes, List<Audit> audit, List<Option> outcomes,
            List<Option> reasonCodes, List<Option> evidenceTypes, String authority, List<Problem> problems, FormValues form) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** What was typed into the decision form, shown again after a refusal. */
    record FormValues(String outcome, String table, String exclusions, String postponeMonths, String reasonCode, String reasonText,
            boolean sendForApproval) {
        static final FormValues EMPTY = new FormValues("", "", "", "", "", "", false);
    }

    record AuthorityView(Brand brand, Me me, List<AuthorityRow> rows) {
    }

    record AuthorityRow(String role, String maxSumAssured, String maxTable, String mayDecline, String mayExclude) {
    }

    record ClosedView(Brand brand, Me me, String title, String message) {
    }
}
