package io.undersign.controlplane.oncall;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.oncall.OncallException;
import io.undersign.oncall.Override;
import io.undersign.oncall.PhoneNumbers;
import io.undersign.oncall.Role;
import io.undersign.oncall.Rota;
import io.undersign.oncall.RotaImport;
import io.undersign.oncall.Rotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import io.undersign.controlplane.api.PlainText;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Changes to the rota: members, rotations, overrides and swaps, imports. Every change is checked by
 * the on-call core before it is stored (a bad one changes nothing); the caller re-syncs the SMS topic
 * once it is committed ({@link SubscriptionSync#syncQuietly}).
 */
@ApplicationScoped
public class OncallAdmin {
    private static final Pattern MEMBER_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    @Inject
    EntityManager em;

    @Inject
    RotaStore store;

    @Inject
    Clock clock;

    /** {@code id} is taken from the path on updates; {@code p2}: gets the P2 texts. */
    public record MemberRequest(@Size(max = 40) String id, @Size(max = 100) @PlainText String name, @Size(max = 32) String phone,
            @Size(max = 254) String email, @Size(max = 64) String zone, Boolean p2) {
    }

    /** {@code firstHandover}: a date (2026-12-07); {@code handoverTime}: 09:00 in {@code zone}; {@code shiftDays}: 7 unless given. */
    public record RotationRequest(@Size(max = 50) List<@Size(max = 40) String> members, @Size(max = 10) String firstHandover,
            @Size(max = 8) String handoverTime, @Size(max = 64) String zone, Integer shiftDays) {
    }

    public record OverrideRequest(@Size(max = 16) String role, @Size(max = 40) String member, Instant from, Instant to,
            @Size(max = 400) @PlainText String reason) {
    }

    public record SwapRequest(@Size(max = 16) String role, @Size(max = 40) String member, @Size(max = 40) String with, Instant from, Instant to,
            @Size(max = 400) @PlainText String reason) {
    }

    @Transactional
    public OncallMember createMember(MemberRequest request) {
        String id = request.id() == null ? null : request.id().strip();
        if (id == null || !MEMBER_ID.matcher(id).matches()) {
            throw new ValidationException("id", "a member id is 2-40 characters: a lower-case letter, then lower-case letters, digits or '-'");
        }
        if (em.find(OncallMember.class, id) != null) {
            throw new ValidationException(DomainException.Kind.CONFLICT, "member-exists", "id", "member " + id + " exists");
        }
        OncallMember m = new OncallMember();
        m.id = id;
        m.createdAt = clock.instant();
        apply(m, request, true);
        em.persist(m);
        em.flush();
        return m;
    }

    @Transactional
    public OncallMember updateMember(String id, MemberRequest request) {
        OncallMember m = requireMember(id, "id");
        apply(m, request, false);
        em.flush();
        return m;
    }

    @Transactional
    public void removeMember(String id) {
        OncallMember m = requireMember(id, "id");
        for (OncallRotation r : em.createQuery("from OncallRotation", OncallRotation.class).getResultList()) {
            if (r.memberIds().contains(id)) {
                throw new ValidationException(DomainException.Kind.CONFLICT, "member-on-rotation", "id",
                        "member " + id + " is on the " + r.role.name().toLowerCase(Locale.ROOT) + " rotation: take them off it first");
            }
        }
        if (!em.createQuery("from OncallOverride where memberId = ?1 and endsAt > ?2", OncallOverride.class).setParameter(1, id)
                .setParameter(2, clock.instant()).getResultList().isEmpty()) {
            throw new ValidationException(DomainException.Kind.CONFLICT, "member-has-overrides", "id", "member " + id + " covers a shift still to come");
        }
        em.createQuery("delete from OncallOverride where memberId = ?1").setParameter(1, id).executeUpdate();
        em.remove(m);
        em.flush();
    }

    @Transactional
    public OncallRotation setRotation(String roleText, RotationRequest request) {
        Role role = role(roleText, "role");
        OncallRotation r = em.find(OncallRotation.class, role);
        boolean fresh = r == null;
        if (fresh) {
            r = new OncallRotation();
            r.role = role;
        }
        List<String> members = request.members() == null ? List.of() : request.members().stream().map(String::strip).toList();
        members.forEach(id -> requireMember(id, "members"));
        LocalDate first = parse(() -> LocalDate.parse(request.firstHandover()), "firstHandover", "a date like 2026-12-07");
        LocalTime time = parse(() -> LocalTime.parse(request.handoverTime()), "handoverTime", "a time like 09:00");
        ZoneId zone = zone(request.zone(), "zone");
        int days = request.shiftDays() == null ? 7 : request.shiftDays();
        core(() -> new Rotation(role.name(), role, members, first, time, zone, days));
        r.members = String.join(",", members);
        r.firstHandover = first;
        r.handoverTime = time;
        r.zone = zone.getId();
        r.shiftDays = days;
        r.updatedAt = clock.instant();
        if (fresh) {
            em.persist(r);
        }
        return r;
    }

    @Transactional
    public OncallOverride addOverride(OverrideRequest request, String actor) {
        Role role = role(request.role(), "role");
        requireMember(request.member() == null ? null : request.member().strip(), "member");
        Override o = core(() -> new Override(UUID.randomUUID().toString(), role, request.member().strip(), required(request.from(), "from"),
                required(request.to(), "to"), reason(request.reason())));
        return persist(o, actor);
    }

    @Transactional
    public List<OncallOverride> swap(SwapRequest request, String actor) {
        Role role = role(request.role(), "role");
        Rota rota = store.load(clock.instant());
        List<Override> overrides = core(() -> rota.swap(role, request.member(), request.with(), required(request.from(), "from"),
                required(request.to(), "to"), () -> UUID.randomUUID().toString(), "swap: " + reason(request.reason())));
        if (overrides.isEmpty()) {
            throw new ValidationException("from", "neither " + request.member() + " nor " + request.with() + " holds the "
                    + role.name().toLowerCase(Locale.ROOT) + " line in that interval: nothing to swap");
        }
        return overrides.stream().map(o -> persist(o, actor)).toList();
    }

    @Transactional
    public void removeOverride(String id) {
        OncallOverride o = id == null ? null : em.find(OncallOverride.class, id);
        if (o == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "override-not-found", "id", "no override " + id);
        }
        em.remove(o);
    }

    @Transactional
    public List<OncallMember> importMembers(String csv) {
        List<RotaImport.MemberRow> rows = core(() -> RotaImport.membersCsv(csv));
        List<OncallMember> created = new ArrayList<>();
        int line = 1;
        for (RotaImport.MemberRow row : rows) {
            line++;
            String id = slug(row.name());
            if (em.find(OncallMember.class, id) != null) {
                throw new ValidationException(DomainException.Kind.CONFLICT, "member-exists", "line " + line, "member " + id + " exists");
            }
            created.add(createMember(new MemberRequest(id, row.name(), row.phone(), row.email(), row.zone().getId(), false)));
        }
        return created;
    }

    @Transactional
    public List<OncallOverride> importOverrides(String text, String format, String roleText, Instant from, Instant to, String actor) {
        Rota rota = store.load(clock.instant());
        Supplier<String> ids = () -> UUID.randomUUID().toString();
        List<Override> overrides = switch (format) {
            case "csv" -> core(() -> RotaImport.overridesCsv(text, rota.members(), ids));
            case "ical" -> {
                Role role = role(roleText, "role");
                Instant start = from == null ? clock.instant() : from;
                Instant end = to == null ? start.plus(java.time.Duration.ofDays(90)) : to;
                if (!end.isAfter(start) || java.time.Duration.between(start, end).toDays() > 731) {
                    throw new ValidationException("to", "the import window ends after it starts and spans at most two years");
                }
                yield core(() -> RotaImport.overridesICal(text, role, rota.members(), start, end, ids));
            }
            default -> throw new ValidationException("format", "format is csv or ical");
        };
        return overrides.stream().map(o -> persist(o, actor)).toList();
    }

    private OncallOverride persist(Override o, String actor) {
        OncallOverride row = new OncallOverride();
        row.id = o.id();
        row.role = o.role();
        row.memberId = o.memberId();
        row.startsAt = o.from();
        row.endsAt = o.to();
        row.reason = o.reason();
        row.createdBy = actor;
        row.createdAt = clock.instant();
        em.persist(row);
        return row;
    }

    private void apply(OncallMember m, MemberRequest request, boolean creating) {
        if (creating || request.name() != null) {
            String name = request.name() == null ? "" : request.name().strip();
            if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new ValidationException("name", "a name is 1-100 printable characters");
            }
            m.name = name;
        }
        if (creating || request.phone() != null) {
            String phone = core(() -> PhoneNumbers.e164(request.phone(), "phone"));
            em.createQuery("from OncallMember where phone = ?1 and id <> ?2", OncallMember.class).setParameter(1, phone).setParameter(2, m.id)
                    .getResultStream().findFirst().ifPresent(other -> {
                        throw new ValidationException(DomainException.Kind.CONFLICT, "phone-taken", "phone", "member " + other.id + " has that number");
                    });
            m.phone = phone;
        }
        if (creating || request.email() != null) {
            String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
            if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
                throw new ValidationException("email", "not an e-mail address");
            }
            m.email = email;
        }
        if (creating || request.zone() != null) {
            m.zone = zone(request.zone(), "zone").getId();
        }
        if (creating || request.p2() != null) {
            m.p2Subscriber = Boolean.TRUE.equals(request.p2());
        }
        m.updatedAt = clock.instant();
    }

    OncallMember requireMember(String id, String field) {
        OncallMember m = id == null ? null : em.find(OncallMember.class, id);
        if (m == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "member-not-found", field, "no member " + id);
        }
        return m;
    }

    static Role role(String text, String field) {
        return core(() -> Role.parse(text, field));
    }

    static ZoneId zone(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "a time zone like Europe/London is required");
        }
        try {
            ZoneId zone = ZoneId.of(text.strip());
            if (zone instanceof java.time.ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
                throw new ValidationException(field, "a named zone like Europe/London, not a fixed offset: offsets do not follow daylight saving");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new ValidationException(field, "'" + text + "' is not a time zone like Europe/London");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        if (reason.length() > 400 || reason.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("reason", "a reason is at most 400 printable characters");
        }
        return reason.strip();
    }

    private static <T> T parse(Supplier<T> parse, String field, String what) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw new ValidationException(field, field + " must be " + what);
        }
    }

    /** Runs the on-call core, turning what it refuses into a 400 naming the field. */
    static <T> T core(Supplier<T> work) {
        try {
            return work.get();
        } catch (OncallException e) {
            throw new ValidationException(e.field(), e.getMessage());
        }
    }

    private static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "m-" + s;
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
