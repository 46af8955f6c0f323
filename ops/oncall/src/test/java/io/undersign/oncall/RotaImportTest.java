package io.undersign.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RotaImportTest {
    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void membersFromCsvAreCheckedRowByRow() {
        List<RotaImport.MemberRow> rows = RotaImport.membersCsv("""
                name,phone,email,zone
                Ana Silva,+44 7911 123111,ana@example.com,Europe/London
                "Ben, Jr",+1 201 555 0123,,America/New_York
                """);
        assertThat(rows).containsExactly(new RotaImport.MemberRow("Ana Silva", "+447911123111", "ana@example.com", ZoneId.of("Europe/London")),
                new RotaImport.MemberRow("Ben, Jr", "+12015550123", null, ZoneId.of("America/New_York")));
        assertThatThrownBy(() -> RotaImport.membersCsv("name,phone,email,zone\nAna,07911123111,,Europe/London\n"))
                .satisfies(e -> assertThat(((OncallException) e).field()).isEqualTo("line 2.phone"));
        assertThatThrownBy(() -> RotaImport.membersCsv("name,phone,email,zone\nAna,+447911123111,,Mars/Base\n"))
                .satisfies(e -> assertThat(((OncallException) e).field()).isEqualTo("line 2.zone"));
        assertThatThrownBy(() -> RotaImport.membersCsv("name,phone\nAna,+447911123111\n")).hasMessageContaining("no column 'email'");
    }

    @Test
    void overridesFromCsvNameMembersByIdOrEmail() {
        List<Override> overrides = RotaImport.overridesCsv("""
                role,member,from,to,reason
                primary,ben@example.com,2026-12-24T18:00:00+00:00,2026-12-27T09:00:00+00:00,Christmas
                secondary,cho,2026-12-24T18:00:00+09:00,2026-12-25T18:00:00+09:00,
                """, RotaTest.MEMBERS, () -> "o" + ids.incrementAndGet());
        assertThat(overrides).extracting(Override::memberId).containsExactly("ben", "cho");
        assertThat(overrides.get(1).from()).isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
        assertThatThrownBy(() -> RotaImport.overridesCsv("role,member,from,to\nprimary,zed,2026-12-24T18:00:00Z,2026-12-25T18:00:00Z\n",
                RotaTest.MEMBERS, () -> "x")).hasMessageContaining("no member");
    }

    @Test
    void iCalendarEventsWithRecurrencesAndZonesBecomeOverrides() {
        String ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Example Corp//Rota//EN\r
                BEGIN:VEVENT\r
                UID:weekend-cover@example.com\r
                DTSTAMP:20261201T000000Z\r
                DTSTART;TZID=Europe/London:20261219T090000\r
                DTEND;TZID=Europe/London:20261221T090000\r
                RRULE:FREQ=WEEKLY;COUNT=3\r
                SUMMARY:Weekend cover\r
                ATTENDEE;CN=Ben:mailto:ben@example.com\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:cho@example.com\r
                DTSTAMP:20261201T000000Z\r
                DTSTART:20261231T150000Z\r
                DTEND:20270101T150000Z\r
                SUMMARY:Cho\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        List<Override> overrides = RotaImport.overridesICal(ics, Role.PRIMARY, RotaTest.MEMBERS, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-02-01T00:00:00Z"), () -> "i" + ids.incrementAndGet());
        assertThat(overrides).extracting(Override::memberId).containsExactly("ben", "ben", "cho", "ben");
        assertThat(overrides.get(0).from()).isEqualTo(Instant.parse("2026-12-19T09:00:00Z"));
        assertThat(overrides.get(3).to()).isEqualTo(Instant.parse("2027-01-04T09:00:00Z"));
        assertThat(overrides).extracting(Override::role).containsOnly(Role.PRIMARY);
        assertThatThrownBy(() -> RotaImport.overridesICal("BEGIN:VCALENDAR\nnonsense", Role.PRIMARY, RotaTest.MEMBERS, Instant.EPOCH,
                Instant.parse("2027-01-01T00:00:00Z"), () -> "x")).isInstanceOf(OncallException.class);
    }
}
