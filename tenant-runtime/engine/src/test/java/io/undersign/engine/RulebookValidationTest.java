package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading checks the whole rulebook and reports every problem with its path; nothing half-loads. */
class RulebookValidationTest {

    private static final String VALID = """
            rulebook: {id: mini, version: "1", products: [term], effective: 2026-01-01}
            pages:
              - {id: p1, title: Page, questions: [smoker, cigarettes, occupation, weight]}
            questions:
              - {id: smoker, type: boolean, text: "Smoker"}
              - {id: cigarettes, type: integer, text: "How many", min: 1, max: 100, ask-when: "smoker"}
              - {id: occupation, type: single-choice, text: "Work", options: [office, manual]}
              - {id: weight, type: number, text: "Weight", min: 30, max: 250}
            tables:
              - id: weight-chart
                hit: UNIQUE
                inputs: [weight]
                rows:
                  - {match: {weight: {below: 40}}, decision: decline, reason: {code: W1, text: "Weight {weight}"}}
                  - {match: {weight: {from: 120}}, debits: 50, reason: {code: W2, text: "Weight {weight}"}}
            rules:
              - id: smoking
                when: smoker && cigarettes > 20
                debits: 50
                reason: {code: S, text: "{cigarettes} a day"}
            thresholds: {standard-max: 25, table-step: 25, decline-over: 200}
            """;

    @Test
    void aValidRulebookLoads() {
        Rulebook rulebook = Rulebooks.parse(VALID);
        assertThat(rulebook.metadata().id()).isEqualTo("mini");
        assertThat(rulebook.questions()).hasSize(4);
    }

    @Test
    void reportsAnUndeclaredQuestionInAConditionWithItsPath() {
        List<Problem> problems = Rulebooks.validate(VALID.replace("when: smoker && cigarettes > 20", "when: smokr && cigarettes > 20"));
        assertThat(problems).extracting(Problem::toString).contains("rules[0].when: undeclared question 'smokr'");
    }

    @Test
    void reportsEveryProblemAtOnceAndNeverHalfLoads() {
        String broken = VALID
                .replace("when: smoker && cigarettes > 20", "when: cigarettes + 'x'")             // type error
                .replace("decline-over: 200", "decline-over: 10")                                  // thresholds out of order
                .replace("{match: {weight: {from: 120}}", "{match: {weight: {from: 35}}")          // UNIQUE overlap
                .replace("ask-when: \"smoker\"}", "ask-when: \"occupation == 'pilot'\"}")                 // later question
                .replace("type: number, text: \"Weight\"", "type: numbr, text: \"Weight\"");             // unknown type
        assertThatThrownBy(() -> Rulebooks.parse(broken))
                .isInstanceOf(RulebookException.class)
                .satisfies(e -> {
                    List<String> problems = ((RulebookException) e).problems().stream().map(Problem::toString).toList();
                    assertThat(problems).anyMatch(p -> p.startsWith("rules[0].when: "));
                    assertThat(problems).anyMatch(p -> p.startsWith("thresholds.decline-over: ") && p.contains("out of order"));
                    assertThat(problems).anyMatch(p -> p.equals("tables[0].rows[1]: overlaps rows[0] in a UNIQUE table"));
                    assertThat(problems).anyMatch(p -> p.startsWith("questions[1].ask-when: ") && p.contains("asked later"));
                    assertThat(problems).anyMatch(p -> p.startsWith("questions[3].type: unknown type 'numbr'"));
                });
    }

    @Test
    void findsQuestionsThatCanNeverBeAsked() {
        String orphan = VALID.replace("questions: [smoker, cigarettes, occupation, weight]", "questions: [smoker, cigarettes, weight]");
        assertThat(Rulebooks.validate(orphan)).extracting(Problem::toString)
                .contains("questions[2]: question 'occupation' is on no page, so it can never be asked");
        String impossible = VALID.replace("options: [office, manual]}", "options: [office, manual]}\n  - {id: pilot_hours, type: integer, text: \"Hours\", ask-when: \"occupation == 'pilot'\"}")
                .replace("questions: [smoker, cigarettes, occupation, weight]", "questions: [smoker, cigarettes, occupation, weight, pilot_hours]");
        assertThat(Rulebooks.validate(impossible)).extracting(Problem::message)
                .anyMatch(m -> m.contains("'pilot' is not an option of 'occupation', so this can never hold"));
    }

    @Test
    void findsCyclesInDerivedValues() {
        String cyclic = VALID.replace("tables:", """
                derived:
                  - {id: a, type: number, expr: b + 1.0}
                  - {id: b, type: number, expr: a + 1.0}
                tables:""");
        assertThat(Rulebooks.validate(cyclic)).extracting(Problem::message).anyMatch(m -> m.startsWith("cycle: "));
    }

    @Test
    void catchesTyposInKeysAndMissingReasons() {
        String typo = VALID.replace("ask-when: \"smoker\"}", "ask_when: \"smoker\"}")
                .replace("    reason: {code: S, text: \"{cigarettes} a day\"}\n", "");
        assertThat(Rulebooks.validate(typo)).extracting(Problem::toString)
                .contains("questions[1].ask_when: unknown key 'ask_when'; expected one of [ask-when, help, id, max, min, options, required, text, type, unit]")
                .anyMatch(p -> p.startsWith("rules[0].reason: is required"));
    }

    @Test
    void rejectsTextThatIsNotYaml() {
        assertThat(Rulebooks.validate("rulebook: [unclosed")).extracting(Problem::path).containsExactly("(file)");
    }
}
