package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void healthyApplicantGetsStandardTerms() {
        Evaluation e = SampleRulebook.evaluate(SampleRulebook.healthy());
        assertThat(e.errors()).isEmpty();
        System.out.println(e.decision().explanation().toText());
        assertThat(e.decision().outcome()).isEqualTo(Outcome.STANDARD);
    }
}
