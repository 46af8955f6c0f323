package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine can tell from the first page alone: dates against the application date, and declines already certain. */
class EarlyAnswersTest {
    private static final LocalDate DAY = SampleRulebook.APPLICATION_DATE;

    private static Map<String, Object> aboutYou(String dateOfBirth, int term, long sum) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("date_of_birth", dateOfBirth);
        answers.put("sex", "female");
        answers.put("sum_assured", sum);
        answers.put("term_years", term);
        answers.put("occupation_class", "1");
        return answers;
    }

    private static NextQuestions next(Map<String, Object> answers) {
        return Engine.next(SampleRulebook.RULEBOOK, CaseInput.of(answers, DAY));
    }

    @Test
    void aBirthDateAfterTheApplicationDateIsAnErrorOnItsQuestion() {
        NextQuestions next = next(aboutYou(DAY.plusDays(1).toString(), 25, 250000));
        assertThat(next.errors()).anyMatch(e -> e.field().equals("date_of_birth") && e.code() == FieldError.Code.AFTER_APPLICATION_DATE);
        assertThat(next.knockouts()).as("nothing is decided on a birth date that cannot be").isEmpty();
    }

    @Test
    void anUnderAgeApplicantIsToldOnTheFirstPageWithTheReason() {
        NextQuestions next = next(aboutYou(DAY.minusYears(17).toString(), 25, 250000));
        assertThat(next.errors()).isEmpty();
        assertThat(next.knockouts()).singleElement().satisfies(k -> {
            assertThat(k.code()).isEqualTo("AGE-MIN");
            assertThat(k.reason()).isEqualTo("Age 17 is below the minimum entry age of 18");
            assertThat(k.inputs()).containsExactly("date_of_birth");
        });
        // and the full evaluation agrees once everything is answered
    }

    @Test
    void coverEndingTooLateIsKnownFromBirthDateAndTermTogether() {
        assertThat(next(aboutYou(DAY.minusYears(50).toString(), 40, 250000)).knockouts()).extracting(NextQuestions.Knockout::code)
                .containsExactly("AGE-EXPIRY");
        Map<String, Object> noTerm = aboutYou(DAY.minusYears(50).toString(), 40, 250000);
        noTerm.remove("term_years");
        assertThat(next(noTerm).knockouts()).as("not before the term is known").isEmpty();
    }

    @Test
    void anEligibleApplicantHasNoKnockoutAndADeclineThatDependsOnLaterAnswersWaits() {
        assertThat(next(aboutYou("1990-06-15", 25, 250000)).knockouts()).isEmpty();
        // a recent suicide attempt declines, but only once both its inputs are answered
        Map<String, Object> answers = new HashMap<>(aboutYou("1990-06-15", 25, 250000));
        answers.put("self_harm", "attempt");
        assertThat(next(answers).knockouts()).as("when it happened is not known yet").isEmpty();
        answers.put("self_harm_years_ago", 3);
        assertThat(next(answers).knockouts()).as("three years ago: referred, not declined").isEmpty();
        answers.put("self_harm_years_ago", 1);
        assertThat(next(answers).knockouts()).extracting(NextQuestions.Knockout::rule).containsExactly("suicide-attempt-recent");
    }

    @Test
    void everyKnockoutIsWhatTheFullEvaluationDeclinesFor() {
        for (int years = 10; years <= 80; years += 7) {
            for (int term = 5; term <= 40; term += 7) {
                Map<String, Object> first = aboutYou(DAY.minusYears(years).minusDays(3).toString(), term, 250000);
                NextQuestions next = next(first);
                Map<String, Object> all = new HashMap<>(SampleRulebook.healthy());
                all.putAll(first);
                Decision full = SampleRulebook.evaluate(all).decision();
                if (!next.knockouts().isEmpty()) {
                    assertThat(full.outcome()).as("age %d term %d", years, term).isEqualTo(Outcome.DECLINE);
                    assertThat(full.explanation().why()).as("age %d term %d", years, term)
                            .anyMatch(w -> w.contains("rule:" + next.knockouts().get(0).rule()));
                } else {
                    assertThat(full.outcome()).as("age %d term %d", years, term).isNotEqualTo(Outcome.DECLINE);
                }
            }
        }
    }
}
