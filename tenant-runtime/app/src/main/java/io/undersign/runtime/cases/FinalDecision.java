package io.undersign.runtime.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The decision that stands on a case, and who made it: the engine's latest, unless an underwriter
 * decided (and, beyond their authority, a second person approved), in which case theirs stands
 * beside the engine's, which is kept as it was. {@code underwriter}/{@code approvedBy}: names, for
 * an underwriter's decision only.
 */
public record FinalDecision(
        @Schema(enumeration = {"DECLINE", "POSTPONE", "REFER", "PENDING_EVIDENCE", "RATED", "EXCLUSION", "STANDARD"}) String outcome,
        @Schema(enumeration = {"engine", "underwriter"}) String decidedBy,
        @Schema(nullable = true) String underwriter,
        @Schema(nullable = true) String approvedBy,
        @Schema(nullable = true, description = "the underwriter's reason code") String reasonCode,
        @Schema(nullable = true, description = "table rating of an underwriter's RATED decision (25% per table)") Integer table,
        @Schema(nullable = true) Instant decidedAt) {

    /** A person's final decision as stored (case_review, status FINAL). */
    public record Manual(String outcome, Integer table, String exclusions, Integer postponeMonths, String reasonCode, String maker,
            String approver, Instant decidedAt) {
    }

    static FinalDecision of(JsonNode engine, Manual manual) {
        if (manual != null) {
            return new FinalDecision(manual.outcome(), "underwriter", manual.maker(), manual.approver(), manual.reasonCode(), manual.table(),
                    manual.decidedAt());
        }
        return engine == null ? null : new FinalDecision(engine.get("outcome").asText(), "engine", null, null, null, null, null);
    }

    /**
     * A person's decision in the engine's decision shape, for the applicant's page (which says what a
     * decision means in plain words, whoever made it). 25% extra mortality per table.
     */
    public static JsonNode asDecision(Manual manual) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("outcome", manual.outcome());
        if (manual.table() != null) {
            ObjectNode rating = d.putObject("rating");
            rating.put("table", manual.table());
            rating.put("extraMortalityPercent", manual.table() * 25);
            rating.put("flatExtraPerMille", 0.0);
        } else {
            d.putNull("rating");
        }
        var exclusions = d.putArray("exclusions");
        if (manual.exclusions() != null) {
            for (String e : manual.exclusions().split("\n")) {
                exclusions.add(e);
            }
        }
        if (manual.postponeMonths() != null) {
            d.put("postponeMonths", manual.postponeMonths());
        } else {
            d.putNull("postponeMonths");
        }
        d.putArray("referralReasons");
        d.putArray("pendingEvidence");
        return d;
    }
}
