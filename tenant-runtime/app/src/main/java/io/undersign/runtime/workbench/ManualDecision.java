package io.undersign.runtime.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An underwriter's decision as sent from the case page, checked field by field. Only final
 * outcomes: REFER and PENDING_EVIDENCE are what brought the case to a person.
 */
public record ManualDecision(String outcome, Integer table, List<String> exclusions, Integer postponeMonths, String reasonCode,
        String reasonText) {

    public static final Set<String> OUTCOMES = Set.of("STANDARD", "RATED", "EXCLUSION", "POSTPONE", "DECLINE");
    /** Why a person decided as they did, for the insurer's records and its reports. */
    public static final Map<String, String> REASON_CODES = reasons();
    public static final int MAX_TABLE = 16;
    private static final int MAX_TEXT = 2000;

    private static Map<String, String> reasons() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("EVIDENCE_REVIEWED", "Medical evidence reviewed");
        codes.put("CLINICAL_JUDGEMENT", "Clinical judgement beyond the rulebook");
        codes.put("FINANCIAL", "Financial underwriting");
        codes.put("NON_DISCLOSURE", "Non-disclosure found");
        codes.put("OCCUPATION_OR_PURSUITS", "Occupation or pursuits");
        codes.put("OTHER", "Other (said in the text)");
        return java.util.Collections.unmodifiableMap(codes);
    }

    /** Field name → what is wrong, in the page's order; empty when the decision can be taken. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.put("outcome", "Choose the decision");
        }
        if ("RATED".equals(outcome) && (table == null || table < 1 || table > MAX_TABLE)) {
            problems.put("table", "Give the table rating, from 1 to " + MAX_TABLE);
        }
        if ("EXCLUSION".equals(outcome) && exclusions().isEmpty()) {
            problems.put("exclusions", "Name what is excluded");
        }
        if ("POSTPONE".equals(outcome) && (postponeMonths == null || postponeMonths < 1 || postponeMonths > 60)) {
            problems.put("postponeMonths", "Give the months to postpone, from 1 to 60");
        }
        if (reasonCode == null || !REASON_CODES.containsKey(reasonCode)) {
            problems.put("reasonCode", "Choose the reason");
        }
        if (reasonText == null || reasonText.isBlank()) {
            problems.put("reasonText", "Say why, in words the next reader will understand");
        } else if (reasonText.length() > MAX_TEXT) {
            problems.put("reasonText", "Keep the reason under " + MAX_TEXT + " characters");
        }
        return problems;
    }

    @Override
    public List<String> exclusions() {
        List<String> named = new ArrayList<>();
        if (exclusions != null) {
            exclusions.stream().map(String::strip).filter(e -> !e.isEmpty()).forEach(named::add);
        }
        return named;
    }

    /** The table this decision rates at (0: none). */
    public int tableOrZero() {
        return "RATED".equals(outcome) && table != null ? table : 0;
    }
}
