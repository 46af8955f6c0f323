package io.undersign.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shipped sample rulebook and a healthy applicant to vary in tests. */
final class SampleRulebook {
    static final LocalDate APPLICATION_DATE = LocalDate.of(2026, 12, 1);
    static final Rulebook RULEBOOK = Rulebooks.parse(yaml());

    private SampleRulebook() {
    }

    static String yaml() {
        try (InputStream in = SampleRulebook.class.getResourceAsStream("/rulebooks/term-life-uk.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 36-year-old non-smoking office worker of healthy build asking for £250,000 over 25 years. */
    static Map<String, Object> healthy() {
        Map<String, Object> a = new HashMap<>();
        a.put("date_of_birth", "1990-06-15");
        a.put("sex", "female");
        a.put("sum_assured", 250000);
        a.put("term_years", 25);
        a.put("occupation_class", "1");
        a.put("height_cm", 168);
        a.put("weight_kg", 64);
        a.put("smoker", false);
        a.put("alcohol_units_per_week", 8);
        a.put("hazardous_pursuits", List.of());
        a.put("travel_advisory", "none");
        a.put("asthma", false);
        a.put("diabetes", false);
        a.put("hypertension", false);
        a.put("heart_condition", "none");
        a.put("cancer_history", false);
        a.put("mental_health", "none");
        a.put("family_history_under_60", 0);
        a.put("under_investigation", false);
        a.put("hospital_admissions_12m", 0);
        a.put("self_harm", "none");
        return a;
    }

    static Evaluation evaluate(Map<String, Object> answers) {
        return Engine.evaluate(RULEBOOK, CaseInput.of(answers, APPLICATION_DATE));
    }
}
