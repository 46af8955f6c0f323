package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Properties that hold for any valid answers to the sample rulebook (fixed seed: reproducible). */
class EnginePropertiesTest {
    private static final long SEED = 20261129L;
    private static final AnswersGen ANSWERS = new AnswersGen(SampleRulebook.RULEBOOK, SampleRulebook.APPLICATION_DATE);

    /** Clearing one of these makes the applicant healthier: never a more severe outcome. */
    private static final List<Consumer<Map<String, Object>>> CLEARINGS = List.of(
            a -> a.put("smoker", false),
            a -> a.put("alcohol_units_per_week", 0L),
            a -> a.put("hazardous_pursuits", List.of()),
            a -> a.put("travel_advisory", "none"),
            a -> a.put("asthma", false),
            a -> a.put("diabetes", false),
            a -> a.put("hypertension", false),
            a -> a.put("heart_condition", "none"),
            a -> a.put("cancer_history", false),
            a -> a.put("mental_health", "none"),
            a -> a.put("family_history_under_60", 0L),
            a -> a.put("occupation_class", "1"));

    @Test
    void anyValidAnswersGiveADecisionAndNeverThrow() {
        qt().withExamples(2000).withFixedSeed(SEED).forAll(ANSWERS).checkAssert(answers -> {
            Evaluation e = SampleRulebook.evaluate(answers);
            assertThat(e.errors()).as("answers %s", answers).isEmpty();
            assertThat(e.decision().outcome()).isNotNull();
            assertThat(e.decision().explanation().why()).isNotEmpty();
        });
    }

    /**
     * The sample rulebook with one more rule whose condition fails for some applicants (a division
     * by a value that can be zero): whatever else they answered, those are never decided less
     * severely than REFER, and the others exactly as without the rule.
     */
    @Test
    void anEvaluationErrorNeverYieldsADecisionLessSevereThanRefer() {
        Rulebook failing = Rulebooks.parse(SampleRulebook.yaml().replace("\nrules:\n", "\nrules:\n"
                + "  - id: divides-by-family\n    when: \"10 / family_history_under_60 > 100\"\n    debits: 5\n"
                + "    reason: {code: FAIL, text: \"never fires\"}\n"));
        List<Outcome> atLeastRefer = List.of(Outcome.REFER, Outcome.POSTPONE, Outcome.DECLINE);
        qt().withExamples(2000).withFixedSeed(SEED).forAll(ANSWERS).checkAssert(answers -> {
            Decision d = Engine.evaluate(failing, CaseInput.of(answers, SampleRulebook.APPLICATION_DATE)).decision();
            Object family = answers.get("family_history_under_60");
            if (family != null && ((Number) family).longValue() == 0) {
                assertThat(d.outcome()).as("answers %s", answers).isIn(atLeastRefer);
                assertThat(d.explanation().why()).anyMatch(w -> w.contains("EVALUATION_ERROR") && w.contains("divides-by-family"));
            } else {
                assertThat(d.outcome()).isEqualTo(SampleRulebook.evaluate(answers).decision().outcome());
            }
        });
    }

    @Test
    void evaluationIsDeterministic() {
        qt().withExamples(500).withFixedSeed(SEED).forAll(ANSWERS).checkAssert(answers ->
                assertThat(SampleRulebook.evaluate(answers)).isEqualTo(SampleRulebook.evaluate(Map.copyOf(answers))));
    }

    @Test
    void removingADebitRaisingAnswerNeverMakesTheOutcomeMoreSevere() {
        qt().withExamples(2000).withFixedSeed(SEED).forAll(ANSWERS, integers().between(0, CLEARINGS.size() - 1))
                .checkAssert((answers, which) -> {
                    Decision before = SampleRulebook.evaluate(answers).decision();
                    Map<String, Object> healthier = new java.util.HashMap<>(answers);
                    CLEARINGS.get(which).accept(healthier);
                    Decision after = SampleRulebook.evaluate(healthier).decision();
                    assertThat(Severity.of(after.outcome())).as("%s then %s for %s", before.outcome(), after.outcome(), answers)
                            .isLessThanOrEqualTo(Severity.of(before.outcome()));
                    if (Severity.of(after.outcome()) == Severity.of(before.outcome())) {
                        assertThat(after.explanation().netDebits()).isLessThanOrEqualTo(before.explanation().netDebits());
                    }
                });
    }


}
