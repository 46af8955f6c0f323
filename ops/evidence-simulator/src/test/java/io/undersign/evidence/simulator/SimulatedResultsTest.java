package io.undersign.evidence.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedResultsTest {

    @Test
    void theSameRequestAlwaysGetsTheSameResults() {
        String id = UUID.randomUUID().toString();
        assertThat(SimulatedResults.of(id, "blood-profile")).isEqualTo(SimulatedResults.of(id, "blood-profile"));
    }

    @Test
    void resultsStayInsideWhatTheSampleRulebookAccepts() {
        for (int i = 0; i < 500; i++) {
            var blood = SimulatedResults.of("r" + i, "blood-profile").orElseThrow();
            assertThat((Integer) blood.get("hba1c")).isBetween(15, 200);
            assertThat((Double) blood.get("cholesterol_ratio")).isBetween(1.0, 20.0);
            var exam = SimulatedResults.of("r" + i, "medical-exam").orElseThrow();
            assertThat((Integer) exam.get("measured_systolic")).isBetween(60, 300);
            assertThat((Integer) exam.get("measured_diastolic")).isBetween(30, 200);
        }
    }

    @Test
    void otherRequestsGetOtherResults() {
        var seen = new java.util.HashSet<Object>();
        for (int i = 0; i < 50; i++) {
            seen.add(SimulatedResults.of("r" + i, "blood-profile").orElseThrow());
        }
        assertThat(seen).hasSizeGreaterThan(40);
    }

    @Test
    void anEvidenceTypeNotOfferedGetsNoResults() {
        assertThat(SimulatedResults.of("r1", "dna-sequence")).isEmpty();
    }
}
