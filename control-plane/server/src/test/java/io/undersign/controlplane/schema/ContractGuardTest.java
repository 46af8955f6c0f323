package io.undersign.controlplane.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractGuardTest {
    private static final List<SchemaStep> STEPS = List.of(SchemaStep.parse("V1__base.sql"), SchemaStep.parse("V2__add.sql expand"),
            SchemaStep.parse("V3__drop_old_column.sql contract safe-from=2026.12.2"), SchemaStep.parse("V4__more.sql expand"));
    private static final Instant DAY1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-12-02T00:00:00Z");
    private static final Map<String, Instant> RELEASES = Map.of("2026.12.1", DAY1, "2026.12.2", DAY2);

    @Test
    void aContractStepWaitsUntilEveryTenantRunsTheReleaseThatMadeItSafe() {
        assertThat(ContractGuard.refuseRelease(STEPS, "2", Map.of("acme", DAY1), RELEASES)).isEmpty();
        assertThat(ContractGuard.refuseRelease(STEPS, "4", Map.of("acme", DAY2, "beta", DAY1), RELEASES)).get().asString()
                .contains("contract step V3__drop_old_column.sql").contains("tenant beta runs an older release");
        java.util.Map<String, Instant> noRelease = new java.util.HashMap<>();
        noRelease.put("gamma", null);
        assertThat(ContractGuard.refuseRelease(STEPS, "3", noRelease, RELEASES)).isPresent();
        assertThat(ContractGuard.refuseRelease(STEPS, "4", Map.of("acme", DAY2, "beta", DAY2), RELEASES)).isEmpty();
        assertThat(ContractGuard.refuseRelease(STEPS, "3", Map.of("acme", DAY2), Map.of())).get().asString().contains("does not exist");
    }

    @Test
    void noTenantGoesBackPastAContractedSchema() {
        assertThat(ContractGuard.refuseMove(STEPS, "2", "4")).isEmpty();
        assertThat(ContractGuard.refuseMove(STEPS, "4", "3")).as("V4 is an expand step").isEmpty();
        assertThat(ContractGuard.refuseMove(STEPS, "4", "2")).get().asString().contains("V3__drop_old_column.sql");
    }

    @Test
    void aTagIsExpandOrContractWithTheReleaseThatMadeItSafe() {
        assertThat(SchemaStep.parse("V3__x.sql contract safe-from=2026.12.2").safeFrom()).isEqualTo("2026.12.2");
        assertThatThrownBy(() -> SchemaStep.parse("V3__x.sql contract")).hasMessageContaining("safe-from=RELEASE");
        assertThatThrownBy(() -> SchemaStep.parse("V3__x.sql shrink")).hasMessageContaining("expand");
    }
}
