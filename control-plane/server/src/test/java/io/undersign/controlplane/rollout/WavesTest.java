package io.undersign.controlplane.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WavesTest {

    @Test
    void eachWaveSaysHowManyTenantsAreReachedOnceItIsDone() {
        assertThat(Waves.assign("1,25%,100%", 20)).containsExactly(0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        assertThat(Waves.assign("1,50%,100%", 3)).containsExactly(0, 1, 2);
        assertThat(Waves.assign("1,25%,100%", 1)).containsExactly(0);
        // what the last wave leaves is one more wave: a rollout reaches every tenant it names
        assertThat(Waves.assign("2", 5)).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void wavesThatReachNobodyOrShrinkAreRefused() {
        assertThatThrownBy(() -> Waves.assign("0", 5)).hasMessageContaining("reaches no tenant");
        assertThatThrownBy(() -> Waves.assign("3,1", 5)).hasMessageContaining("fewer tenants");
        assertThatThrownBy(() -> Waves.assign("1,lots", 5)).hasMessageContaining("not a count or a percentage");
        assertThatThrownBy(() -> Waves.assign("150%", 5)).hasMessageContaining("not a count or a percentage");
        assertThatThrownBy(() -> Waves.assign(" ", 5)).hasMessageContaining("must be given");
    }
}
