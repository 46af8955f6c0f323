package io.undersign.runtime.support;

/** Full answers to the sample rulebook, as an insurer's system would send them. */
public final class Answers {
    /** A healthy non-smoker with a sum assured that needs no evidence: STANDARD. */
    public static final String STANDARD = """
            {"date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 250000, "term_years": 25,
             "occupation_class": "1", "height_cm": 168, "weight_kg": 64, "smoker": false,
             "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
             "diabetes": false, "hypertension": false, "heart_condition": "none", "cancer_history": false,
             "mental_health": "none", "family_history_under_60": 0,
             "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}""";

    /** The same applicant asking for £1,000,000: a blood profile is needed first. */
    public static final String NEEDS_BLOOD = STANDARD.replace("\"sum_assured\": 250000", "\"sum_assured\": 1000000");

    private Answers() {
    }

    public static String caseBody(String reference, String answers) {
        return "{\"reference\": \"" + reference + "\", \"answers\": " + answers + "}";
    }
}
