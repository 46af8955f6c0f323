package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undersign.engine.cases.CaseCheck;
import io.undersign.engine.cases.CaseFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void invalidAnswersGiveFieldErrorsNotExceptions() {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("height_cm", 400);
        answers.put("sex", "other");
        answers.put("smoker", "yes");
        answers.put("favourite_colour", "blue");
        answers.remove("alcohol_units_per_week");
        Evaluation e = SampleRulebook.evaluate(answers);
        assertThat(e.valid()).isFalse();
        assertThat(e.decision()).isNull();
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("height_cm", "sex", "smoker", "favourite_colour", "alcohol_units_per_week");
        assertThat(e.errors()).filteredOn(f -> f.field().equals("height_cm")).extracting(FieldError::message)
                .containsExactly("must be between 120 and 230");
    }

    @Test
    void followUpsAreDueOnlyWhenTheirConditionHolds() {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("smoker", true);
        NextQuestions next = Engine.next(SampleRulebook.RULEBOOK, answers);
        assertThat(next.due()).containsExactly("cigarettes_per_day");
        assertThat(next.asked()).contains("cigarettes_per_day").doesNotContain("diving_max_depth_m");

        answers.put("hazardous_pursuits", List.of("diving"));
        assertThat(Engine.next(SampleRulebook.RULEBOOK, answers).due()).containsExactly("cigarettes_per_day", "diving_max_depth_m");
    }

    @Test
    void answersToQuestionsNoLongerAskedAreIgnoredAndReported() {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("cigarettes_per_day", 60);
        NextQuestions next = Engine.next(SampleRulebook.RULEBOOK, answers);
        assertThat(next.ignored()).containsExactly("cigarettes_per_day");
        assertThat(next.complete()).isTrue();
        Decision d = SampleRulebook.evaluate(answers).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.STANDARD);
        assertThat(d.explanation().ignoredAnswers()).containsExactly("cigarettes_per_day");
    }

    @Test
    void evidenceMovesACaseOnFromPendingEvidence() {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("heart_condition", "arrhythmia");
        Decision pending = SampleRulebook.evaluate(answers).decision();
        assertThat(pending.outcome()).isEqualTo(Outcome.PENDING_EVIDENCE);
        assertThat(pending.pendingEvidence()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("aps");
            assertThat(p.requestedBecause()).containsExactly("Irregular heartbeat");
        });

        Evaluation withEvidence = Engine.evaluate(SampleRulebook.RULEBOOK, new CaseInput(answers,
                Map.of("aps", Map.of("condition_stable", true, "specialist_follow_up", true)), SampleRulebook.APPLICATION_DATE));
        assertThat(withEvidence.decision().outcome()).isEqualTo(Outcome.RATED);
        assertThat(withEvidence.decision().rating().table()).isEqualTo(3);
        assertThat(withEvidence.decision().explanation().firings()).extracting(Firing::source).contains("evidence:aps/specialist");
    }

    @Test
    void malformedEvidenceGivesFieldErrors() {
        Map<String, Object> answers = SampleRulebook.healthy();
        Evaluation e = Engine.evaluate(SampleRulebook.RULEBOOK, new CaseInput(answers,
                Map.of("aps", Map.of("condition_stable", "maybe"), "x-ray", Map.of()), SampleRulebook.APPLICATION_DATE));
        assertThat(e.errors()).extracting(FieldError::field)
                .contains("evidence.aps.condition_stable", "evidence.aps.specialist_follow_up", "evidence.x-ray");
    }

    @Test
    void explainsEveryFiringTotalsAndWhyTheOutcomeWonAndSerializesToJson() throws Exception {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("smoker", true);
        answers.put("cigarettes_per_day", 30);
        answers.put("hazardous_pursuits", List.of("diving"));
        answers.put("diving_max_depth_m", 50);
        Decision d = SampleRulebook.evaluate(answers).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.RATED);
        assertThat(d.exclusions()).hasSize(1);
        Explanation x = d.explanation();
        assertThat(x.rulebookId()).isEqualTo("term-life-uk");
        assertThat(x.rulebookVersion()).isEqualTo("2026.12.1");
        assertThat(x.totalDebits()).isEqualTo(75);
        assertThat(x.firings()).filteredOn(f -> f.source().equals("rule:heavy-smoker")).singleElement()
                .satisfies(f -> {
                    assertThat(f.inputs()).containsEntry("cigarettes_per_day", 30L);
                    assertThat(f.reason()).isEqualTo("Heavy smoker: 30 a day");
                });
        assertThat(x.toText()).contains("rule:heavy-smoker [TOB-HEAVY] Heavy smoker: 30 a day (+50 debits)")
                .contains("Table 3 (+75% mortality)").contains("Exclusion: Death or terminal illness caused by underwater diving");
        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(d);
        assertThat(json).contains("\"outcome\":\"RATED\"").contains("\"reasonCode\":\"TOB-HEAVY\"");
    }

    @Test
    void theMostSevereOutcomeWins() {
        Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("heart_condition", "heart-attack");   // refer
        answers.put("cardiac_event_months_ago", 60);
        answers.put("travel_advisory", "all-travel");      // postpone
        answers.put("alcohol_units_per_week", 40);          // rated
        Decision d = SampleRulebook.evaluate(answers).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.POSTPONE);
        assertThat(d.explanation().why()).anyMatch(w -> w.startsWith("Postponed 12 months"));
    }

    @Test
    void aProfileCheckReportsWhatDiffers() throws Exception {
        CaseFile file = CaseFile.parse("""
                rulebook: term-life-uk
                application-date: 2026-12-01
                defaults: {}
                profiles:
                  - name: wrong on purpose
                    answers: {}
                    expect: {outcome: RATED, reasons: [TOB]}
                """.replace("defaults: {}", "defaults: " + new ObjectMapper().writeValueAsString(SampleRulebook.healthy())));
        CaseCheck.Result result = CaseCheck.run(SampleRulebook.RULEBOOK, file).get(0);
        assertThat(result.passed()).isFalse();
        assertThat(result.mismatches()).contains("outcome STANDARD, expected RATED").anyMatch(m -> m.startsWith("reasons [TOB] did not fire"));
    }

    /** A smoker of 20 a day stays on standard terms: the explanation says which rule counted and why it did not move the outcome. */
    @Test
    void aRuleThatCountedWithoutChangingTheOutcomeIsExplained() {
        java.util.Map<String, Object> answers = SampleRulebook.healthy();
        answers.put("smoker", true);
        answers.put("cigarettes_per_day", 20);
        Decision d = SampleRulebook.evaluate(answers).decision();
        assertThat(d.outcome()).isEqualTo(Outcome.STANDARD);
        assertThat(d.explanation().why()).contains("Standard terms: net debits 25 are within the standard limit 25",
                "Counted: +25 debits for Tobacco or nicotine user (rule:smoker)");

        answers.put("heart_condition", "heart-attack");
        answers.put("cardiac_event_months_ago", 60);
        Decision referred = SampleRulebook.evaluate(answers).decision();
        assertThat(referred.outcome()).isEqualTo(Outcome.REFER);
        assertThat(referred.explanation().why()).contains("Counted, without changing the outcome: +25 debits for Tobacco or nicotine user (rule:smoker)");
    }
}
