package io.undersign.runtime.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorityCheckTest {
    private static final List<Authority> MATRIX = List.of(new Authority("underwriter", 250_000, 4, false, false),
            new Authority("senior-underwriter", 1_000_000, 8, true, true), new Authority("chief-underwriter", 5_000_000, 16, true, true));

    private static Underwriter person(String... roles) {
        return new Underwriter("id", "u", "U", Set.of(roles), null);
    }

    private static ManualDecision decision(String outcome, Integer table) {
        return new ManualDecision(outcome, table, "EXCLUSION".equals(outcome) ? List.of("diving") : List.of(),
                "POSTPONE".equals(outcome) ? 6 : null, "OTHER", "because");
    }

    @Test
    void withinEveryLimitNothingIsPassed() {
        assertThat(AuthorityCheck.beyond(person("underwriter").authority(MATRIX), decision("RATED", 4), Optional.of(250_000L))).isEmpty();
    }

    @Test
    void eachLimitPassedIsNamed() {
        List<String> beyond = AuthorityCheck.beyond(person("underwriter").authority(MATRIX), decision("RATED", 5), Optional.of(250_001L));
        assertThat(beyond).containsExactly("the sum assured 250,001 is over your limit of 250,000 (underwriter)",
                "table 5 is over your limit of table 4 (underwriter)");
        assertThat(AuthorityCheck.beyond(person("underwriter").authority(MATRIX), decision("POSTPONE", null), Optional.of(1L)))
                .containsExactly("a postpone needs authority to decline, which underwriter does not have");
        assertThat(AuthorityCheck.beyond(person("underwriter").authority(MATRIX), decision("EXCLUSION", null), Optional.of(1L)))
                .containsExactly("an exclusion needs authority to exclude, which underwriter does not have");
    }

    @Test
    void theMostSeniorOwnRoleCountsAndNoRoleIsNoAuthority() {
        assertThat(AuthorityCheck.beyond(person("underwriter", "chief-underwriter").authority(MATRIX), decision("DECLINE", null),
                Optional.of(4_000_000L))).isEmpty();
        assertThat(AuthorityCheck.beyond(person("team-lead").authority(MATRIX), decision("STANDARD", null), Optional.of(1L)))
                .containsExactly("you hold no underwriting role, so you have no authority to decide");
    }

    @Test
    void anUnknownSumAssuredIsBeyondEveryone() {
        assertThat(AuthorityCheck.beyond(person("chief-underwriter").authority(MATRIX), decision("STANDARD", null), Optional.empty()))
                .singleElement().asString().contains("no sum assured");
    }

    @Test
    void aDecisionIsCheckedFieldByField() {
        assertThat(new ManualDecision("REFER", null, null, null, "NOPE", " ").problems()).containsOnlyKeys("outcome", "reasonCode", "reasonText");
        assertThat(new ManualDecision("RATED", 17, null, null, "OTHER", "x").problems()).containsOnlyKeys("table");
        assertThat(new ManualDecision("EXCLUSION", null, List.of(" "), null, "OTHER", "x").problems()).containsOnlyKeys("exclusions");
    }
}
