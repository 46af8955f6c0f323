package io.undersign.privacy;

import java.util.Map;
import java.util.Optional;

/**
 * Which columns of a tenant's data hold values sealed with their case's data key, the field name
 * each is sealed for (its associated data), and the column naming the case. The runtime seals by
 * these names; an export or a subject access request opens by them.
 */
public final class SealedColumns {
    public static final String ANSWERS = "answers";
    public static final String EVIDENCE = "evidence";
    public static final String DRAFT = "draft";
    public static final String DECISION = "decision";
    public static final String EVIDENCE_RESULT = "evidence-result";
    public static final String NOTE = "note";
    public static final String REVIEW_REASON = "review-reason";
    public static final String REVIEW_EXCLUSIONS = "review-exclusions";

    /** table → (column → field). */
    private static final Map<String, Map<String, String>> SEALED = Map.of(
            "case_file", Map.of("answers", ANSWERS, "evidence", EVIDENCE, "draft", DRAFT),
            "case_decision", Map.of("decision", DECISION),
            "evidence_result", Map.of("results", EVIDENCE_RESULT),
            "case_note", Map.of("body", NOTE),
            "case_review", Map.of("reason_text", REVIEW_REASON, "exclusions", REVIEW_EXCLUSIONS));

    private SealedColumns() {
    }

    /** The field a column's values are sealed for; empty for a column in the clear. */
    public static Optional<String> field(String table, String column) {
        return Optional.ofNullable(SEALED.getOrDefault(table, Map.of()).get(column));
    }

    /** The tables holding sealed values. */
    public static java.util.Set<String> tables() {
        return SEALED.keySet();
    }

    /** The sealed columns of {@code table}. */
    public static java.util.Set<String> columns(String table) {
        return SEALED.getOrDefault(table, Map.of()).keySet();
    }

    /** The column of {@code table} naming the case its sealed values belong to. */
    public static String caseColumn(String table) {
        return "case_file".equals(table) ? "id" : "case_id";
    }
}
