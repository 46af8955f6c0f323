package io.undersign.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Over 2026, which holds two daylight-saving changes in each zone tried (north and south of the
 * equator, and one with a 30-minute shift), a rotation's shifts and the rota's timeline leave no gap
 * and no overlap, and "who is on call" at any instant agrees with them.
 */
class RotationDaylightSavingTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Europe/Berlin"));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void shiftsAcrossTwoTransitionsHaveNoGapAndNoOverlap() {
        qt().withFixedSeed(20261203L).withExamples(300)
                .forAll(integers().between(0, ZONES.size() - 1), integers().between(0, 13), integers().between(0, 24 * 4 - 1),
                        integers().between(1, 5))
                .checkAssert((zone, dayAndCadence, quarterHour, size) -> {
                    int day = dayAndCadence / 2;
                    int daily = dayAndCadence % 2;
                    Rotation r = rotation(ZONES.get(zone), DayOfWeek.of(day + 1), LocalTime.of(quarterHour / 4, quarterHour % 4 * 15), size,
                            daily == 1 ? 1 : 7);
                    List<Shift> shifts = r.shifts(FROM, TO);
                    assertThat(shifts).isNotEmpty();
                    for (int i = 1; i < shifts.size(); i++) {
                        assertThat(shifts.get(i).start()).as("shift %d starts where %d ends", i, i - 1).isEqualTo(shifts.get(i - 1).end());
                        assertThat(shifts.get(i).memberId()).isNotEqualTo(size > 1 ? shifts.get(i - 1).memberId() : "-");
                    }
                    for (Shift s : shifts) {
                        Duration nominal = Duration.ofDays(r.shiftDays());
                        assertThat(Duration.between(s.start(), s.end()).minus(nominal).abs()).isLessThanOrEqualTo(Duration.ofHours(1));
                        LocalTime local = s.start().atZone(r.zone()).toLocalTime();
                        if (r.zone().getRules().isValidOffset(s.start().atZone(r.zone()).toLocalDateTime(), s.start().atZone(r.zone()).getOffset())
                                && !local.equals(r.handoverTime())) {
                            // only a hand-over inside a spring-forward gap moves, and then to the gap's end
                            assertThat(r.zone().getRules().getValidOffsets(s.start().atZone(r.zone()).toLocalDate().atTime(r.handoverTime()))).isEmpty();
                        }
                    }
                });
    }

    @Test
    void whoIsOnCallAtAnyInstantAgreesWithTheTimelineAndTheTimelineCoversTheYear() {
        qt().withFixedSeed(7L).withExamples(200)
                .forAll(integers().between(0, ZONES.size() - 1), integers().between(0, 24 * 4 - 1), longs().between(0, Duration.between(FROM, TO).toSeconds() - 1))
                .checkAssert((zone, quarterHour, offset) -> {
                    Rotation r = rotation(ZONES.get(zone), DayOfWeek.SUNDAY, LocalTime.of(quarterHour / 4, quarterHour % 4 * 15), 3, 7);
                    Instant start = r.handover(0);
                    Instant probe = start.plusSeconds(offset % Duration.between(start, TO).toSeconds());
                    Rota rota = rota(r, List.of(new Override("o1", Role.PRIMARY, "m0", probe.minusSeconds(3600), probe.plusSeconds(7200), "swap")));
                    List<Shift> timeline = rota.timeline(Role.PRIMARY, start, TO);
                    for (int i = 1; i < timeline.size(); i++) {
                        assertThat(timeline.get(i).start()).isEqualTo(timeline.get(i - 1).end());
                    }
                    assertThat(timeline.get(0).start()).isEqualTo(start);
                    assertThat(timeline.get(timeline.size() - 1).end()).isEqualTo(TO);
                    assertThat(rota.gaps(Role.PRIMARY, start, TO)).isEmpty();
                    Shift holding = timeline.stream().filter(s -> s.covers(probe)).findFirst().orElseThrow();
                    assertThat(rota.onCall(Role.PRIMARY, probe).orElseThrow().id()).isEqualTo(holding.memberId()).isEqualTo("m0");
                    assertThat(r.shiftAt(probe).orElseThrow().covers(probe)).isTrue();
                });
    }

    private static Rotation rotation(ZoneId zone, DayOfWeek day, LocalTime time, int size, int shiftDays) {
        List<String> ids = IntStream.range(0, size).mapToObj(i -> "m" + i).toList();
        LocalDate first = LocalDate.of(2025, 12, 20);
        return shiftDays == 7 ? Rotation.weekly("r", Role.PRIMARY, ids, day, time, zone, first)
                : new Rotation("r", Role.PRIMARY, ids, first, time, zone, shiftDays);
    }

    static Rota rota(Rotation r, List<Override> overrides) {
        Map<String, Member> members = IntStream.range(0, 5).mapToObj(i -> new Member("m" + i, "Member " + i, "+4477009001" + (10 + i), null,
                ZoneId.of("UTC"))).collect(Collectors.toMap(Member::id, m -> m));
        return new Rota(members, List.of(r), overrides, Set.of());
    }
}
