package io.undersign.controlplane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void theFirstRestartIsImmediateThenTheWaitDoublesUpToItsCap() {
        Duration first = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(60);
        assertThat(RuntimeSupervisor.backoff(0, first, max)).isZero();
        assertThat(RuntimeSupervisor.backoff(1, first, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RuntimeSupervisor.backoff(2, first, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RuntimeSupervisor.backoff(4, first, max)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RuntimeSupervisor.backoff(7, first, max)).isEqualTo(max);
        assertThat(RuntimeSupervisor.backoff(1000, first, max)).as("no overflow").isEqualTo(max);
    }

    @Test
    void anExitSaysHowTheRuntimeEnded() {
        assertThat(RuntimeSupervisor.exitText(137)).isEqualTo("was killed by SIGKILL (exit code 137)");
        assertThat(RuntimeSupervisor.exitText(143)).contains("SIGTERM");
        assertThat(RuntimeSupervisor.exitText(1)).isEqualTo("exited with code 1");
    }
}
