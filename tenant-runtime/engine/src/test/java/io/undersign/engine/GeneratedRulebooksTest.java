package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties over generated rulebooks and answers: rules whose conditions divide by answers that
 * may be zero, with every kind of effect. Whatever the rulebook, an evaluation error is never
 * decided less severely than REFER, nor less severely than the rules that could be evaluated decide.
 */
class GeneratedRulebooksTest {
    private static final long SEED = 20261202L;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final int QUESTIONS = 4;
    private static final List<Outcome> AT_LEAST_REFER = List.of(Outcome.REFER, Outcome.POSTPONE, Outcome.DECLINE);

    /** One generated rule: {@code q<left> <op> q<right> > constant}, then an effect. */
    record GenRule(int left, int op, int right, int constant, int effect, int debits) {
        private static final String[] OPS = {"+", "-", "/", "%"};

        String when() {
            return "q" + left + " " + OPS[op] + " q" + right + " > " + constant;
        }

        /** Division and remainder fail when the right-hand answer is zero. */
        boolean fails(Map<String, Object> answers) {
            return op >= 2 && ((Number) answers.get("q" + right)).longValue() == 0;
        }

        String yaml(int index) {
            String then = switch (effect) {
                case 0 -> "decision: decline";
                case 1 -> "decision: postpone\n    postpone-months: 6";
                case 2 -> "decision: refer";
                case 3 -> "exclusion: \"an exclusion\"";
                default -> "debits: " + debits;
            };
            return "  - id: r" + index + "\n    when: \"" + when() + "\"\n    " + then + "\n    reason: {code: R" + index + ", text: \"rule " + index + "\"}\n";
        }
    }

    /** A derived value may divide too; a rule may read it. */
    record GenBook(List<GenRule> rules, boolean derivedDivides) {
        String yaml(List<GenRule> keep, boolean withDerived) {
            String questions = IntStream.range(0, QUESTIONS)
                    .mapToObj(i -> "  - {id: q" + i + ", type: integer, text: \"Q" + i + "\", min: 0, max: 10}\n").collect(Collectors.joining());
            String derived = withDerived && derivedDivides ? "derived:\n  - {id: ratio, type: integer, expr: \"q0 / q1\"}\n" : "";
            StringBuilder rules = new StringBuilder("  - id: never\n    when: \"q0 > 10\"\n    decision: decline\n    reason: {code: N, text: never}\n");
            for (int i = 0; i < keep.size(); i++) {
                rules.append(keep.get(i).yaml(i));
            }
            return "rulebook: {id: gen, version: \"1\", products: [term], effective: 2026-01-01}\n"
                    + "pages:\n  - {id: p1, title: Page, questions: [" + IntStream.range(0, QUESTIONS).mapToObj(i -> "q" + i).collect(Collectors.joining(", ")) + "]}\n"
                    + "questions:\n" + questions + derived + "rules:\n" + rules
                    + "thresholds: {standard-max: 25, table-step: 25, decline-over: 200}\n";
        }
    }

    private static Gen<GenRule> rule() {
        Gen<Integer> question = integers().between(0, QUESTIONS - 1);
        return question.zip(integers().between(0, 3), question, integers().between(0, 5), (l, op, r, c) -> new int[] {l, op, r, c})
                .zip(integers().between(0, 4), integers().between(1, 300), (a, e, d) -> new GenRule(a[0], a[1], a[2], a[3], e, d));
    }

    private static Gen<GenBook> books() {
        return lists().of(rule()).ofSizeBetween(1, 8).zip(booleans().all(), GenBook::new);
    }

    /** Answers 0 to 3: zero, and so a failing division, is common. */
    private static Gen<Map<String, Object>> answers() {
        Gen<Integer> value = integers().between(0, 3);
        return lists().of(value).ofSize(QUESTIONS).map(values -> {
            Map<String, Object> a = new HashMap<>();
            for (int i = 0; i < QUESTIONS; i++) {
                a.put("q" + i, values.get(i).longValue());
            }
            return a;
        });
    }

    @Test
    void anEvaluationErrorIsReferredAndNeverLessSevereThanTheRulesThatCouldBeEvaluated() {
        qt().withExamples(600).withFixedSeed(SEED).forAll(books(), answers()).checkAssert((book, answers) -> {
            Decision decided = decide(book.yaml(book.rules(), true), answers);
            boolean derivedFails = book.derivedDivides() && ((Number) answers.get("q1")).longValue() == 0;
            List<GenRule> failing = book.rules().stream().filter(r -> r.fails(answers)).toList();
            boolean anyFails = derivedFails || !failing.isEmpty();
            boolean namesAnError = decided.explanation().why().stream().anyMatch(w -> w.contains("EVALUATION_ERROR"));
            assertThat(namesAnError).as("%s for %s", book.yaml(book.rules(), true), answers).isEqualTo(anyFails);
            if (anyFails) {
                assertThat(decided.outcome()).as("%s for %s", book.yaml(book.rules(), true), answers).isIn(AT_LEAST_REFER);
                // the rules that could be evaluated, alone: failing closed never decides less severely than they do
                List<GenRule> evaluable = book.rules().stream().filter(r -> !r.fails(answers)).toList();
                Decision withoutFailures = decide(book.yaml(evaluable, false), answers);
                assertThat(Severity.of(decided.outcome())).as("%s for %s", book.yaml(book.rules(), true), answers)
                        .isGreaterThanOrEqualTo(Severity.of(withoutFailures.outcome()));
            }
        });
    }

    private static Decision decide(String yaml, Map<String, Object> answers) {
        Evaluation e = Engine.evaluate(Rulebooks.parse(yaml), CaseInput.of(answers, DAY));
        assertThat(e.errors()).isEmpty();
        return e.decision();
    }

}
