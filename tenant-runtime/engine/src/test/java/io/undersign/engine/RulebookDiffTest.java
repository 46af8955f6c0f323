package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookDiffTest {
    private static final String SAMPLE = SampleRulebook.yaml();

    @Test
    void aVersionComparedWithItselfHasNoChanges() {
        assertThat(RulebookDiff.between(SampleRulebook.RULEBOOK, Rulebooks.parse(SAMPLE))).isEmpty();
    }

    @Test
    void namesEveryPartAddedRemovedOrChangedAndWhatChangedInIt() {
        String next = SAMPLE.replace("version: 2026.12.1", "version: 2026.12.2")
                // a rule's debits change, a rule goes, thresholds move
                .replace("    when: smoker && cigarettes_per_day > 20\n    debits: 50\n",
                        "    when: smoker && cigarettes_per_day > 20\n    debits: 75\n")
                .replace("  - id: very-heavy-smoker\n    when: smoker && cigarettes_per_day > 40\n    decision: refer\n"
                        + "    reason: {code: TOB-REFER, text: \"Very heavy smoker: {cigarettes_per_day} a day\"}\n", "")
                .replace("decline-over: 300", "decline-over: 250");
        assertThat(next).isNotEqualTo(SAMPLE);

        List<String> words = RulebookDiff.between(SampleRulebook.RULEBOOK, Rulebooks.parse(next)).stream()
                .map(RulebookDiff.Change::words).toList();

        assertThat(words).containsExactly(
                "rule 'heavy-smoker' changed: effect",
                "rule 'very-heavy-smoker' removed",
                "thresholds 'thresholds' changed: declineOver");
    }

    @Test
    void anAddedQuestionAndItsPageAreNamed() {
        String next = SAMPLE.replace("questions: [date_of_birth, sex, sum_assured, term_years, occupation_class]",
                "questions: [date_of_birth, sex, sum_assured, term_years, occupation_class, postcode]")
                .replace("questions:\n  # --- about you ---\n  - id: date_of_birth", """
                        questions:
                          - id: postcode
                            type: text
                            text: Your postcode
                            required: false
                          - id: date_of_birth""");

        List<String> words = RulebookDiff.between(SampleRulebook.RULEBOOK, Rulebooks.parse(next)).stream()
                .map(RulebookDiff.Change::words).toList();

        assertThat(words).containsExactly("question 'postcode' added", "page 'about-you' changed: questions");
    }
}
