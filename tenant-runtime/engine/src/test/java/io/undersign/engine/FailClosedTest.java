package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine cannot evaluate is referred to a person, said in words, never a quiet STANDARD. */
class FailClosedTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final String BOOK = """
            rulebook: {id: fc, version: "1", products: [term], effective: 2026-01-01}
            pages:
              - {id: p1, title: Page, questions: [cigarettes, years, extra]}
            questions:
              - {id: cigarettes, type: integer, text: "How many a day", min: 0, max: 100}
              - {id: years, type: integer, text: "For how many years", min: 0, max: 80}
              - {id: extra, type: boolean, text: "Extra", required: false, ask-when: "100 / cigarettes > 1"}
            derived:
              - {id: packs, type: integer, expr: "years * 20 / cigarettes"}
            rules:
              - id: heavy
                when: "100 / cigarettes < 2"
                decision: decline
                reason: {code: H, text: "heavy"}
            thresholds: {standard-max: 25, table-step: 25, decline-over: 200}
            """;

    private static Decision decide(String book, Map<String, Object> answers) {
        Evaluation e = Engine.evaluate(Rulebooks.parse(book), CaseInput.of(answers, DAY));
        assertThat(e.errors()).isEmpty();
        return e.decision();
    }

    @Test
    void aConditionThatFailsReferstheCaseAndSaysWhere() {
        Decision d = decide(BOOK.replace("ask-when: \"100 / cigarettes > 1\"", "ask-when: \"true\""), Map.of("cigarettes", 0, "years", 5));
        assertThat(d.outcome()).isEqualTo(Outcome.REFER);
        assertThat(d.referralReasons()).anyMatch(r -> r.startsWith("EVALUATION_ERROR: rules.heavy could not be evaluated"))
                .anyMatch(r -> r.contains("derived.packs"));
        assertThat(d.explanation().why()).anyMatch(w -> w.contains("EVALUATION_ERROR") && w.contains("rules.heavy"));
        // the same case that can be evaluated is not referred
        assertThat(decide(BOOK, Map.of("cigarettes", 10, "years", 5)).outcome()).isEqualTo(Outcome.STANDARD);
    }

    @Test
    void anAskWhenThatFailsAsksTheQuestionAndRefers() {
        NextQuestions next = Engine.next(Rulebooks.parse(BOOK), Map.of("cigarettes", 0, "years", 5));
        assertThat(next.asked()).contains("extra");
        assertThat(decide(BOOK, Map.of("cigarettes", 0, "years", 5, "extra", true)).outcome()).isEqualTo(Outcome.REFER);
    }

    @Test
    void aMoreSevereOutcomeStandsAndStillNamesTheFailure() {
        String book = BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"cigarettes > 60\"");
        Decision d = decide(book, Map.of("cigarettes", 0, "years", 5));
        assertThat(d.outcome()).as("derived value failed: referred").isEqualTo(Outcome.REFER);
        Decision declined = decide(book.replace("expr: \"years * 20 / cigarettes\"", "expr: \"years * 20 / (cigarettes - 70)\""),
                Map.of("cigarettes", 70, "years", 5));
        assertThat(declined.outcome()).isEqualTo(Outcome.DECLINE);
        assertThat(declined.explanation().why()).anyMatch(w -> w.startsWith("Also (EVALUATION_ERROR)"));
    }

    @Test
    void debitsCannotOverflowAndFlatExtrasCannotBeNegative() {
        String big = BOOK.replace("decision: decline", "debits: 2147483647");
        assertThat(Rulebooks.validate(big)).extracting(Problem::toString).anyMatch(p -> p.contains("from 0 to 10000"));
        String negative = BOOK.replace("decision: decline", "flat-extra: -2.5");
        assertThat(Rulebooks.validate(negative)).extracting(Problem::toString).anyMatch(p -> p.contains("flat-extra"));
    }

    @Test
    void aUniqueTableCannotReadAMultiChoiceInput() {
        String book = BOOK.replace("questions: [cigarettes, years, extra]}", "questions: [cigarettes, years, extra, pursuits]}")
                .replace("derived:", """
                          - {id: pursuits, type: multi-choice, text: "Pursuits", required: false, options: [diving, racing]}
                        tables:
                          - id: hazards
                            hit: UNIQUE
                            inputs: [pursuits]
                            rows:
                              - {match: {pursuits: {in: [diving]}}, exclusion: "Diving", reason: {code: D, text: "diving"}}
                              - {match: {pursuits: {in: [racing]}}, decision: decline, reason: {code: R, text: "racing"}}
                        derived:""");
        assertThat(problems(book)).anyMatch(p -> p.startsWith("tables[0].inputs") && p.contains("multi-choice"));
        assertThat(problems(book.replace("hit: UNIQUE", "hit: COLLECT-SUM"))).isEmpty();
    }

    @Test
    void expressionsAreBoundedAtLoadAndAnOversizedRulebookIsRefused() {
        String nested = BOOK.replace("when: \"100 / cigarettes < 2\"",
                "when: \"[1,2,3].all(x, [1,2,3].all(y, [1,2,3].exists(z, x + y + z > 100)))\"");
        assertThat(problems(nested)).anyMatch(p -> p.startsWith("rules[0].when") && p.contains("inside another"));
        String huge = BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"" + "cigarettes > 1 && ".repeat(300) + "true\"");
        assertThat(problems(huge)).anyMatch(p -> p.startsWith("rules[0].when"));
        String oversized = BOOK + "#" + "x".repeat(600 * 1024) + "\n";
        assertThat(problems(oversized)).containsExactly("(file): is " + oversized.length() + " characters; a rulebook has at most 524288");
    }

    @Test
    void aRuleComparingAChoiceWithANonOptionAndAnAskWhenOnADerivedValueAreToldApart() {
        String book = BOOK.replace("questions: [cigarettes, years, extra]}", "questions: [cigarettes, years, extra, kind]}")
                .replace("derived:", "  - {id: kind, type: single-choice, text: \"Kind\", options: [rolled, filtered]}\nderived:")
                .replace("when: \"100 / cigarettes < 2\"", "when: \"kind == 'cigar'\"");
        assertThat(problems(book)).anyMatch(p -> p.startsWith("rules[0].when") && p.contains("'cigar' is not an option of 'kind'"));
        String derived = BOOK.replace("ask-when: \"100 / cigarettes > 1\"", "ask-when: \"packs > 1\"");
        assertThat(problems(derived)).anyMatch(p -> p.startsWith("questions[2].ask-when") && p.contains("derived value 'packs'"));
    }

    @Test
    void aDivisionByALiteralZeroIsFoundAtLoad() {
        for (String when : new String[] {"years / 0 > 1", "years % 0 == 1", "cigarettes > 0 && 1.0 / 0.0 > 2.0"}) {
            assertThat(problems(BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"" + when + "\"")))
                    .as(when).anyMatch(p -> p.startsWith("rules[0].when") && p.contains("divides by zero"));
        }
    }

    /** Constant folding: what is wrong whatever the applicant answers is found before any case is decided. */
    @Test
    void whatFoldsToAnErrorIsFoundAtLoad() {
        for (String when : new String[] {"years / (2 - 2) > 1", "years % (3 * 0) == 1", "cigarettes > 0 && years / (cigarettes - cigarettes + (1 - 1)) > 1"}) {
            if (when.contains("cigarettes - cigarettes")) {
                // not constant: folding cannot know it (and evaluation refers the case, tested above)
                assertThat(problems(BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"" + when + "\""))).as(when).isEmpty();
                continue;
            }
            assertThat(problems(BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"" + when + "\"")))
                    .as(when).anyMatch(p -> p.startsWith("rules[0].when") && p.contains("divides by zero"));
        }
        for (String when : new String[] {"years > 10 / (5 - 5)", "9223372036854775807 + 1 > years"}) {
            assertThat(problems(BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"" + when + "\"")))
                    .as(when).anyMatch(p -> p.startsWith("rules[0].when") && p.contains("made only of constants cannot be evaluated"));
        }
        assertThat(problems(BOOK.replace("expr: \"years * 20 / cigarettes\"", "expr: \"years * 20 / (4 - 2 * 2)\"")))
                .anyMatch(p -> p.startsWith("derived[0].expr") && p.contains("divides by zero"));
    }

    @Test
    void aHugeNumberIsRefusedNotClamped() {
        Evaluation e = Engine.evaluate(Rulebooks.parse(BOOK.replace("min: 0, max: 80", "min: 0")),
                CaseInput.of(Map.of("cigarettes", 10, "years", new java.math.BigInteger("100000000000000000000")), DAY));
        assertThat(e.errors()).extracting(FieldError::toString).anyMatch(f -> f.contains("years") && f.contains("too large"));
    }

    @Test
    void theYamlIsReadStrictly() {
        List<String> duplicate = problems(BOOK.replace("when: \"100 / cigarettes < 2\"", "when: \"100 / cigarettes < 2\"\n    when: \"false\""));
        assertThat(duplicate).anyMatch(p -> p.contains("Duplicate field 'when'") && p.contains("line"));
        List<String> aliased = problems(BOOK.replace("reason: {code: H, text: \"heavy\"}", "reason: &r {code: H, text: \"heavy\"}\n"
                + "  - {id: again, when: \"years > 70\", debits: 5, reason: *r}"));
        assertThat(aliased).anyMatch(p -> p.contains("anchor &r")).anyMatch(p -> p.contains("alias *r"));
        List<String> numberLabel = problems(BOOK.replace("text: \"Extra\"", "text: 1"));
        assertThat(numberLabel).anyMatch(p -> p.contains("questions[2].text") && p.contains("must be text"));
    }

    @Test
    void yamlOneOneBooleansStayTheWordsTheyAre() {
        String book = BOOK.replace("{id: years, type: integer, text: \"For how many years\", min: 0, max: 80}",
                "{id: years, type: single-choice, text: \"Ever\", options: [{value: none, label: No}, {value: some, label: Yes}, "
                        + "{value: off, label: Off}]}")
                .replace("expr: \"years * 20 / cigarettes\"", "expr: \"20 / (cigarettes + 1)\"");
        Rulebook rulebook = Rulebooks.parse(book);
        var options = rulebook.questions().stream().filter(q -> q.id().equals("years")).findFirst().orElseThrow().options();
        assertThat(options).extracting(o -> o.label()).containsExactly("No", "Yes", "Off");
        assertThat(options).extracting(o -> o.value()).containsExactly("none", "some", "off");
    }

    @Test
    void theSampleRulebookShowsNoAsNo() {
        assertThat(SampleRulebook.RULEBOOK.questions().stream().flatMap(q -> q.options() == null ? java.util.stream.Stream.empty()
                : q.options().stream()).map(o -> o.label())).contains("No").doesNotContain("false", "true");
    }

    private static List<String> problems(String yaml) {
        return Rulebooks.validate(yaml).stream().map(Problem::toString).toList();
    }
}
