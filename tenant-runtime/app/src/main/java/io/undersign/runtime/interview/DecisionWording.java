package io.undersign.runtime.interview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decision means for the applicant, in plain words: the outcome, the terms that bind
 * (loadings, exclusions) and what happens next. No medical reasons: the page opens by its link
 * alone, so it says no more about the applicant's health than the terms themselves do.
 */
final class DecisionWording {
    private DecisionWording() {
    }

    static Views.DecisionView of(Views.Brand brand, String caseId, JsonNode decision) {
        String outcome = decision.get("outcome").asText();
        List<String> details = new ArrayList<>();
        String headline = switch (outcome) {
            case "STANDARD" -> "Good news: we can offer you cover on our standard terms.";
            case "RATED" -> {
                JsonNode rating = decision.get("rating");
                if (rating.get("extraMortalityPercent").asInt() > 0) {
                    details.add("Your premium includes a loading of " + rating.get("extraMortalityPercent").asInt()
                            + "% (rating table " + rating.get("table").asInt() + ") because of the health or lifestyle details you gave.");
                }
                if (rating.get("flatExtraPerMille").asDouble() > 0) {
                    details.add("A flat extra premium of £" + rating.get("flatExtraPerMille").asText()
                            + " a year for every £1,000 of cover applies.");
                }
                yield "We can offer you cover, at a higher premium than standard.";
            }
            case "EXCLUSION" -> "We can offer you cover on standard terms, with an exclusion.";
            case "REFER" -> "An underwriter will review your application and contact you within 5 working days.";
            case "PENDING_EVIDENCE" -> {
                decision.get("pendingEvidence").forEach(p -> details.add("We will arrange: " + p.get("name").asText()));
                yield "We need a little more information before we can decide. We will contact you to arrange it;"
                        + " once the results are in, this page shows our decision (keep this link to come back to it).";
            }
            case "POSTPONE" -> "We cannot offer cover at the moment. You are welcome to apply again in "
                    + decision.get("postponeMonths").asInt() + " months.";
            case "DECLINE" -> "We are sorry: we cannot offer you cover.";
            default -> outcome;
        };
        if (decision.has("exclusions")) {
            decision.get("exclusions").forEach(e -> details.add("Exclusion: " + e.asText()));
        }
        return new Views.DecisionView(brand, caseId, outcome, headline, details);
    }
}
