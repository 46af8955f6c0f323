package io.undersign.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RotaTest {
    static final Member ANA = new Member("ana", "Ana", "+447911123111", "ana@example.com", ZoneId.of("Europe/London"));
    static final Member BEN = new Member("ben", "Ben", "+12015550123", "ben@example.com", ZoneId.of("America/New_York"));
    static final Member CHO = new Member("cho", "Cho", "+81312345678", "cho@example.com", ZoneId.of("Asia/Tokyo"));
    static final Map<String, Member> MEMBERS = Map.of("ana", ANA, "ben", BEN, "cho", CHO);

    @Test
    void aRotationInAnotherZoneHandsOverAtItsOwnMidnight() {
        // Tokyo hands over on Mondays at 00:00, which is Sunday 15:00 UTC
        Rotation tokyo = Rotation.weekly("p", Role.PRIMARY, List.of("ana", "ben", "cho"), DayOfWeek.MONDAY, LocalTime.MIDNIGHT,
                ZoneId.of("Asia/Tokyo"), LocalDate.of(2026, 12, 1));
        Rota rota = new Rota(MEMBERS, List.of(tokyo), List.of(), Set.of());
        assertThat(tokyo.handover(0)).isEqualTo(Instant.parse("2026-12-06T15:00:00Z"));
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-06T14:59:59Z"))).isEmpty();
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-06T15:00:00Z"))).contains(ANA);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-13T14:59:59Z"))).contains(ANA);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-13T15:00:00Z"))).contains(BEN);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-20T15:00:00Z"))).contains(CHO);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-27T15:00:00Z"))).contains(ANA);
    }

    @Test
    void londonsMondayHandOverMovesWithTheClocks() {
        Rotation london = Rotation.weekly("p", Role.PRIMARY, List.of("ana", "ben"), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneId.of("Europe/London"), LocalDate.of(2026, 3, 1));
        // 09:00 GMT before the change on 29 March, 09:00 BST (08:00 UTC) after it
        assertThat(london.handover(3)).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(london.handover(4)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(london.shiftAt(Instant.parse("2026-03-30T08:30:00Z")).orElseThrow().memberId()).isEqualTo("ana");
    }

    @Test
    void overridesWinLaterOnesWinAndASwapTradesShifts() {
        Rotation weekly = Rotation.weekly("p", Role.PRIMARY, List.of("ana", "ben"), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"),
                LocalDate.of(2026, 12, 7));
        Instant mon = Instant.parse("2026-12-07T09:00:00Z");
        Instant nextMon = Instant.parse("2026-12-14T09:00:00Z");
        Override sick = new Override("o1", Role.PRIMARY, "cho", Instant.parse("2026-12-08T00:00:00Z"), Instant.parse("2026-12-10T00:00:00Z"), "sick");
        Override back = new Override("o2", Role.PRIMARY, "ben", Instant.parse("2026-12-09T00:00:00Z"), Instant.parse("2026-12-09T12:00:00Z"), "cover");
        Rota rota = new Rota(MEMBERS, List.of(weekly), List.of(sick, back), Set.of());
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-07T23:59:59Z"))).contains(ANA);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-08T00:00:00Z"))).contains(CHO);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-09T06:00:00Z"))).contains(BEN);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-09T12:00:00Z"))).contains(CHO);
        assertThat(rota.onCall(Role.PRIMARY, Instant.parse("2026-12-10T00:00:00Z"))).contains(ANA);
        assertThat(rota.timeline(Role.PRIMARY, mon, nextMon)).extracting(Shift::memberId).containsExactly("ana", "cho", "ben", "cho", "ana");

        AtomicInteger ids = new AtomicInteger();
        List<Override> swap = rota.swap(Role.PRIMARY, "ana", "ben", mon, nextMon.plusSeconds(7 * 86400), () -> "s" + ids.incrementAndGet(), "holiday");
        Rota swapped = new Rota(MEMBERS, List.of(weekly), concat(List.of(sick, back), swap), Set.of());
        assertThat(swapped.onCall(Role.PRIMARY, Instant.parse("2026-12-07T12:00:00Z"))).contains(BEN);
        assertThat(swapped.onCall(Role.PRIMARY, Instant.parse("2026-12-08T12:00:00Z"))).as("someone else's cover stays").contains(CHO);
        assertThat(swapped.onCall(Role.PRIMARY, Instant.parse("2026-12-09T06:00:00Z"))).contains(ANA);
        assertThat(swapped.onCall(Role.PRIMARY, Instant.parse("2026-12-15T12:00:00Z"))).contains(ANA);
        assertThatThrownBy(() -> rota.swap(Role.PRIMARY, "ana", "ana", mon, nextMon, () -> "x", "")).isInstanceOf(OncallException.class);
    }

    @Test
    void gapsInTheNextWeekAreFound() {
        Rotation weekly = Rotation.weekly("p", Role.PRIMARY, List.of("ana"), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("UTC"),
                LocalDate.of(2026, 12, 9));
        Rota rota = new Rota(MEMBERS, List.of(weekly), List.of(), Set.of());
        Instant now = Instant.parse("2026-12-08T00:00:00Z");
        assertThat(rota.gaps(Role.PRIMARY, now, now.plusSeconds(7 * 86400)))
                .containsExactly(new Interval(now, Instant.parse("2026-12-14T09:00:00Z")));
        assertThat(rota.gaps(Role.SECONDARY, now, now.plusSeconds(86400))).containsExactly(new Interval(now, now.plusSeconds(86400)));
    }

    @Test
    void aRotaRefusesMembersItDoesNotKnowAndTwoRotationsForOneRole() {
        Rotation a = Rotation.weekly("a", Role.PRIMARY, List.of("ana"), DayOfWeek.MONDAY, LocalTime.NOON, ZoneId.of("UTC"), LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> new Rota(MEMBERS, List.of(a, a), List.of(), Set.of())).hasMessageContaining("one rotation per role");
        Rotation ghost = Rotation.weekly("g", Role.SECONDARY, List.of("zed"), DayOfWeek.MONDAY, LocalTime.NOON, ZoneId.of("UTC"), LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> new Rota(MEMBERS, List.of(ghost), List.of(), Set.of())).hasMessageContaining("no member zed");
        assertThatThrownBy(() -> new Rotation("x", Role.PRIMARY, List.of("ana", "ana"), LocalDate.of(2026, 1, 1), LocalTime.NOON, ZoneId.of("UTC"), 7))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new Override("o", Role.PRIMARY, "ana", Instant.EPOCH, Instant.EPOCH, "")).isInstanceOf(OncallException.class);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
