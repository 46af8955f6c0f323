package io.undersign.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Members taking a role in turn, handing over every {@code shiftDays} days at a wall-clock time in a
 * named zone. Hand-overs are local times, so a week across a daylight-saving change is an hour shorter
 * or longer, never a gap or an overlap: every shift ends at the instant the next one starts. A hand-over
 * inside a spring-forward gap happens at the first instant after it (java.time's rule).
 */
public record Rotation(String id, Role role, List<String> memberIds, LocalDate firstHandover, LocalTime handoverTime, ZoneId zone,
        int shiftDays) {

    public Rotation {
        if (memberIds == null || memberIds.isEmpty()) {
            throw new OncallException("members", "a rotation needs at least one member");
        }
        if (memberIds.stream().distinct().count() != memberIds.size()) {
            throw new OncallException("members", "a member appears twice in the rotation");
        }
        if (shiftDays < 1 || shiftDays > 28) {
            throw new OncallException("shiftDays", "a shift is 1 to 28 days");
        }
        if (role == null || firstHandover == null || handoverTime == null || zone == null) {
            throw new OncallException("rotation", "a rotation needs a role, a first hand-over date, a time and a zone");
        }
        memberIds = List.copyOf(memberIds);
    }

    /** Weekly shifts handing over on {@code day} at {@code time}, the first on or after {@code from}. */
    public static Rotation weekly(String id, Role role, List<String> memberIds, DayOfWeek day, LocalTime time, ZoneId zone, LocalDate from) {
        return new Rotation(id, role, memberIds, from.with(TemporalAdjusters.nextOrSame(day)), time, zone, 7);
    }

    /** The instant of the k-th hand-over (k = 0 is the first). */
    public Instant handover(long k) {
        return ZonedDateTime.of(firstHandover.plusDays(k * shiftDays), handoverTime, zone).toInstant();
    }

    /** The shift holding {@code at}; none before the first hand-over. */
    public Optional<Shift> shiftAt(Instant at) {
        if (at.isBefore(handover(0))) {
            return Optional.empty();
        }
        LocalDate local = at.atZone(zone).toLocalDate();
        long k = Math.floorDiv(ChronoUnit.DAYS.between(firstHandover, local), shiftDays);
        while (handover(k).isAfter(at)) {
            k--;
        }
        while (!handover(k + 1).isAfter(at)) {
            k++;
        }
        return Optional.of(shift(k));
    }

    /** Every shift overlapping [from, to), in order. */
    public List<Shift> shifts(Instant from, Instant to) {
        List<Shift> out = new ArrayList<>();
        Instant cursor = from.isBefore(handover(0)) ? handover(0) : from;
        if (!cursor.isBefore(to)) {
            return out;
        }
        Shift s = shiftAt(cursor).orElseThrow();
        long k = indexOf(s);
        while (s.start().isBefore(to)) {
            out.add(s);
            s = shift(++k);
        }
        return out;
    }

    private long indexOf(Shift s) {
        long k = Math.floorDiv(ChronoUnit.DAYS.between(firstHandover, s.start().atZone(zone).toLocalDate()), shiftDays);
        while (handover(k).isAfter(s.start())) {
            k--;
        }
        while (handover(k).isBefore(s.start())) {
            k++;
        }
        return k;
    }

    private Shift shift(long k) {
        return new Shift(role, memberIds.get((int) Math.floorMod(k, (long) memberIds.size())), handover(k), handover(k + 1), Shift.Source.ROTATION);
    }
}
