package io.undersign.runtime.interview;

import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.runtime.evidence.EvidenceStatus;
import io.undersign.runtime.evidence.EvidenceStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decision means for the applicant, in plain words: what was decided, the terms that bind
 * (loadings, exclusions), what happens next, who will be in touch and when. No medical reasons:
 * the page opens by its link alone, so it says no more about the applicant's health than the
 * terms themselves do.
 */
final class DecisionWording {
    /** How long the insurer's desk takes to be in touch, in working days (shown to applicants). */
    static final int QUOTE_DAYS = 2;
    static final int REVIEW_DAYS = 5;
    /** While evidence is awaited the page looks again this often. */
    static final int PENDING_REFRESH_SECONDS = 60;

    private DecisionWording() {
    }

    static Views.DecisionView of(Views.Brand brand, String caseId, String shortRef, JsonNode decision, List<EvidenceStore.Request> evidence) {
        String outcome = decision.get("outcome").asText();
        String insurer = brand.name();
        List<String> details = new ArrayList<>();
        List<String> next = new ArrayList<>();
        int refresh = 0;
        String headline;
        switch (outcome) {
            case "STANDARD" -> {
                headline = "Good news: we can offer you cover on our standard terms.";
                next.add(insurer + " will send you your quote and policy documents within " + QUOTE_DAYS + " working days.");
            }
            case "RATED" -> {
                headline = "We can offer you cover, at a higher premium than standard.";
                JsonNode rating = decision.get("rating");
                if (rating.get("extraMortalityPercent").asInt() > 0) {
                    details.add("Because of the health or lifestyle details you gave, your premium will be "
                            + rating.get("extraMortalityPercent").asInt() + "% higher than our standard premium.");
                }
                if (rating.get("flatExtraPerMille").asDouble() > 0) {
                    details.add("There is also an extra £" + rating.get("flatExtraPerMille").asText() + " a year for every £1,000 of cover.");
                }
                next.add(insurer + " will send you a quote with this premium within " + QUOTE_DAYS + " working days. You can accept it,"
                        + " or, if a detail you gave was wrong, ask them to look at your application again.");
            }
            case "EXCLUSION" -> {
                headline = "We can offer you cover on our standard terms, with an exclusion.";
                next.add(insurer + " will send you your quote within " + QUOTE_DAYS + " working days; the exclusion is written into the policy.");
            }
            case "REFER" -> {
                headline = "An underwriter will look at your application.";
                next.add("An underwriter at " + insurer + " will contact you within " + REVIEW_DAYS
                        + " working days. They may ask you a few more questions; you do not need to do anything until then.");
            }
            case "PENDING_EVIDENCE" -> {
                headline = "We need a little more information before we can decide.";
                for (EvidenceStore.Request r : evidence) {
                    details.add(name(decision, r.type()) + (r.status() == EvidenceStatus.RECEIVED ? ": received" : ": to be arranged"));
                }
                next.add(insurer + " will contact you within " + QUOTE_DAYS + " working days to arrange it.");
                next.add("When the results are in, this page shows our decision. It looks again every minute by itself,"
                        + " and you can come back to it at any time with your case link.");
                refresh = PENDING_REFRESH_SECONDS;
            }
            case "POSTPONE" -> {
                headline = "We cannot offer you cover at the moment.";
                next.add("You are welcome to apply again in " + decision.get("postponeMonths").asInt() + " months. "
                        + insurer + " will write to you within " + REVIEW_DAYS + " working days to explain.");
            }
            case "DECLINE" -> {
                headline = "We are sorry: we cannot offer you cover.";
                next.add(insurer + " will write to you within " + REVIEW_DAYS + " working days to explain. If a detail you gave was wrong,"
                        + " contact them quoting your reference.");
            }
            default -> headline = outcome;
        }
        if (decision.has("exclusions")) {
            decision.get("exclusions").forEach(e -> details.add("Your cover will not pay out for: " + e.asText()));
        }
        return new Views.DecisionView(brand, caseId, shortRef, outcome, headline, details, next, refresh);
    }

    /** The evidence's own name, as the decision gives it. */
    private static String name(JsonNode decision, String type) {
        for (JsonNode p : decision.path("pendingEvidence")) {
            if (p.path("type").asText().equals(type)) {
                return p.path("name").asText(type);
            }
        }
        return type;
    }
}
