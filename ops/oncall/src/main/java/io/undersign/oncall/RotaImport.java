package io.undersign.oncall;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Rota data from elsewhere: members from CSV ({@code name,phone,email,zone}), overrides from CSV
 * ({@code role,member,from,to,reason}) or from an iCalendar file (RFC 5545), whose events, recurrences
 * expanded over a window, each hand a role to the member named by the event's attendee or organizer
 * e-mail or by its summary. Every row is checked; the first bad one refuses the whole import.
 */
public final class RotaImport {
    /** More occurrences than two years of daily shifts: a runaway RRULE, not a rota. */
    public static final int MAX_OCCURRENCES = 800;
    private static final CsvMapper CSV = new CsvMapper();

    private RotaImport() {
    }

    public record MemberRow(String name, String phone, String email, ZoneId zone) {
    }

    public static List<MemberRow> membersCsv(String text) {
        List<MemberRow> rows = new ArrayList<>();
        int line = 1;
        for (Map<String, String> row : csv(text, List.of("name", "phone", "email", "zone"))) {
            line++;
            String at = "line " + line;
            String name = require(row, "name", at);
            String phone = PhoneNumbers.e164(require(row, "phone", at), at + ".phone");
            rows.add(new MemberRow(name, phone, blankToNull(row.get("email")), zone(require(row, "zone", at), at + ".zone")));
        }
        return rows;
    }

    /** Overrides from CSV; {@code member} is a member's id or e-mail; times are ISO-8601 with an offset. */
    public static List<Override> overridesCsv(String text, Map<String, Member> members, Supplier<String> ids) {
        List<Override> out = new ArrayList<>();
        int line = 1;
        for (Map<String, String> row : csv(text, List.of("role", "member", "from", "to"))) {
            line++;
            String at = "line " + line;
            Role role = Role.parse(require(row, "role", at), at + ".role");
            Member member = find(members, require(row, "member", at)).orElseThrow(
                    () -> new OncallException(at + ".member", "no member with id or e-mail " + row.get("member")));
            out.add(new Override(ids.get(), role, member.id(), instant(require(row, "from", at), at + ".from"),
                    instant(require(row, "to", at), at + ".to"), Optional.ofNullable(blankToNull(row.get("reason"))).orElse("imported from CSV")));
        }
        return out;
    }

    /** Overrides for {@code role} from the events of an iCalendar file that overlap [from, to). */
    public static List<Override> overridesICal(String text, Role role, Map<String, Member> members, Instant from, Instant to,
            Supplier<String> ids) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text == null ? "" : text));
        } catch (IOException | ParserException e) {
            throw new OncallException("calendar", "not an iCalendar file: " + e.getMessage());
        }
        List<Override> out = new ArrayList<>();
        Period<Instant> window = new Period<>(from, to);
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = event.<Property>getProperty(Property.UID).map(Property::getValue).orElse("(no UID)");
            Member member = memberOf(event, members).orElseThrow(() -> new OncallException("calendar",
                    "event " + uid + " names no member (attendee, organizer or summary)"));
            java.util.Set<Period<Temporal>> occurrences;
            try {
                occurrences = event.calculateRecurrenceSet(window);
            } catch (RuntimeException e) {
                throw new OncallException("calendar", "event " + uid + ": " + e.getMessage());
            }
            if (occurrences.size() + out.size() > MAX_OCCURRENCES) {
                throw new OncallException("calendar", "more than " + MAX_OCCURRENCES + " shifts in the window");
            }
            for (Period<Temporal> p : occurrences) {
                Instant start = toInstant(p.getStart(), uid);
                Instant end = toInstant(p.getEnd(), uid);
                if (end.isAfter(start)) {
                    out.add(new Override(ids.get(), role, member.id(), start, end, "imported from iCalendar event " + uid));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Override::from));
        return out;
    }

    private static Optional<Member> memberOf(VEvent event, Map<String, Member> members) {
        List<String> candidates = new ArrayList<>();
        event.<Property>getProperties(Property.ATTENDEE).forEach(a -> candidates.add(mailto(a.getValue())));
        event.<Property>getProperty(Property.ORGANIZER).ifPresent(o -> candidates.add(mailto(o.getValue())));
        event.<Property>getProperty(Property.SUMMARY).ifPresent(s -> candidates.add(s.getValue().strip()));
        for (String c : candidates) {
            Optional<Member> m = find(members, c);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<Member> find(Map<String, Member> members, String idOrEmailOrName) {
        String wanted = idOrEmailOrName.strip();
        return members.values().stream()
                .filter(m -> m.id().equals(wanted) || (m.email() != null && m.email().equalsIgnoreCase(wanted)) || m.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    private static String mailto(String value) {
        return value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
    }

    private static Instant toInstant(Temporal t, String uid) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new OncallException("calendar", "event " + uid + " has a floating or all-day time; a shift needs a time with a zone");
    }

    private static List<Map<String, String>> csv(String text, List<String> requiredColumns) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows;
        try (Reader reader = new StringReader(text == null ? "" : text);
                MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(reader)) {
            rows = it.readAll();
        } catch (IOException | RuntimeException e) {
            throw new OncallException("csv", "not a CSV file with a header row: " + e.getMessage());
        }
        if (!rows.isEmpty()) {
            for (String column : requiredColumns) {
                if (!rows.get(0).containsKey(column)) {
                    throw new OncallException("csv", "the header has no column '" + column + "' (needs " + String.join(",", requiredColumns) + ")");
                }
            }
        }
        return rows;
    }

    private static String require(Map<String, String> row, String column, String at) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new OncallException(at + "." + column, column + " is empty");
        }
        return v.strip();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    static ZoneId zone(String text, String field) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new OncallException(field, "'" + text + "' is not a time zone like Europe/London");
        }
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new OncallException(field, "'" + text + "' is not a time like 2026-12-07T09:00:00+01:00");
        }
    }
}
