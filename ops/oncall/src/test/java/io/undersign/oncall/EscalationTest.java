package io.undersign.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The escalation chain against a clock the test moves. */
class EscalationTest {
    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");
    private final Escalation escalation = new Escalation(Duration.ofSeconds(30));

    private static Rotation line(Role role, String member) {
        return Rotation.weekly(role.name(), role, List.of(member), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"), LocalDate.of(2026, 11, 1));
    }

    private static final Rota FULL = new Rota(RotaTest.MEMBERS, List.of(line(Role.PRIMARY, "ana"), line(Role.SECONDARY, "ben"), line(Role.MANAGER, "cho")),
            List.of(), Set.of("ana", "ben"));

    @Test
    void p1CallsThePrimaryThenTheSecondaryAt30SecondsThenTheManager() {
        Escalation.State s = Escalation.State.opened(Priority.P1, T0);
        Escalation.Decision first = escalation.advance(s, FULL, T0);
        assertThat(first.outcome()).isEqualTo(Escalation.Outcome.PAGED);
        assertThat(first.pages()).containsExactly(new Escalation.Page(Escalation.Channel.VOICE, Role.PRIMARY, RotaTest.ANA));
        assertThat(first.state().nextAt()).isEqualTo(T0.plusSeconds(30));

        assertThat(escalation.advance(first.state(), FULL, T0.plusMillis(29_999)).outcome()).isEqualTo(Escalation.Outcome.WAITING);
        Escalation.Decision second = escalation.advance(first.state(), FULL, T0.plusSeconds(30));
        assertThat(second.pages()).containsExactly(new Escalation.Page(Escalation.Channel.VOICE, Role.SECONDARY, RotaTest.BEN));
        Escalation.Decision third = escalation.advance(second.state(), FULL, T0.plusSeconds(60));
        assertThat(third.pages()).extracting(Escalation.Page::member).containsExactly(RotaTest.CHO);
        Escalation.Decision end = escalation.advance(third.state(), FULL, T0.plusSeconds(90));
        assertThat(end.outcome()).isEqualTo(Escalation.Outcome.EXHAUSTED);
        assertThat(end.state().finished()).isTrue();
        assertThat(escalation.advance(end.state(), FULL, T0.plusSeconds(500)).outcome()).isEqualTo(Escalation.Outcome.WAITING);
    }

    @Test
    void aLineNobodyHoldsIsPassedOverAtOnceInWords() {
        Rota noSecondary = new Rota(RotaTest.MEMBERS, List.of(line(Role.PRIMARY, "ana"), line(Role.MANAGER, "cho")), List.of(), Set.of());
        Escalation.Decision first = escalation.advance(Escalation.State.opened(Priority.P1, T0), noSecondary, T0);
        Escalation.Decision next = escalation.advance(first.state(), noSecondary, T0.plusSeconds(30));
        assertThat(next.pages()).extracting(Escalation.Page::role).containsExactly(Role.MANAGER);
        assertThat(next.notes()).containsExactly("nobody is on call as secondary");
    }

    @Test
    void anEmptyRotaLeavesTheIncidentUnroutedNeverDropped() {
        Escalation.Decision p1 = escalation.advance(Escalation.State.opened(Priority.P1, T0), Rota.empty(), T0);
        assertThat(p1.outcome()).isEqualTo(Escalation.Outcome.UNROUTED);
        assertThat(p1.notes()).hasSize(3);
        Escalation.Decision p2 = escalation.advance(Escalation.State.opened(Priority.P2, T0), Rota.empty(), T0);
        assertThat(p2.outcome()).isEqualTo(Escalation.Outcome.UNROUTED);
    }

    @Test
    void p2TextsEveryP2SubscriberOnce() {
        Escalation.Decision p2 = escalation.advance(Escalation.State.opened(Priority.P2, T0), FULL, T0);
        assertThat(p2.pages()).extracting(Escalation.Page::channel).containsOnly(Escalation.Channel.SMS);
        assertThat(p2.pages()).extracting(Escalation.Page::member).containsExactly(RotaTest.ANA, RotaTest.BEN);
        assertThat(p2.state().finished()).isTrue();
    }

    @Test
    void theBudgetHoldsBackP2TextsButNeverAP1Call() {
        SmsBudget budget = new SmsBudget(new java.math.BigDecimal("10.00"), SmsBudget.DEFAULT_WARN_AT);
        assertThat(budget.status(new java.math.BigDecimal("7.99")).level()).isEqualTo(SmsBudget.Level.OK);
        assertThat(budget.status(new java.math.BigDecimal("8.00")).level()).isEqualTo(SmsBudget.Level.WARNING);
        assertThat(budget.holdsBack(Priority.P2, Escalation.Channel.SMS, new java.math.BigDecimal("9.99"))).isFalse();
        assertThat(budget.holdsBack(Priority.P2, Escalation.Channel.SMS, new java.math.BigDecimal("10.00"))).isTrue();
        assertThat(budget.holdsBack(Priority.P1, Escalation.Channel.VOICE, new java.math.BigDecimal("500"))).isFalse();
        assertThat(budget.holdsBack(Priority.P1, Escalation.Channel.SMS, new java.math.BigDecimal("500"))).isFalse();
    }
}
