package io.undersign.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The whole rota: members, at most one rotation per role, overrides (a later one wins over an
 * earlier one and over the rotation), and the members subscribed to P2 SMS. Immutable; "who is on
 * call" at any instant is one call to {@link #who}.
 */
public final class Rota {
    private final Map<String, Member> members;
    private final Map<Role, Rotation> rotations = new EnumMap<>(Role.class);
    private final List<Override> overrides;
    private final List<String> p2Subscribers;

    public Rota(Map<String, Member> members, List<Rotation> rotations, List<Override> overrides, Set<String> p2Subscribers) {
        this.members = Map.copyOf(members);
        for (Rotation r : rotations) {
            if (this.rotations.put(r.role(), r) != null) {
                throw new OncallException("role", "one rotation per role: " + r.role() + " has two");
            }
            r.memberIds().forEach(id -> requireMember(id, "members"));
        }
        overrides.forEach(o -> requireMember(o.memberId(), "memberId"));
        p2Subscribers.forEach(id -> requireMember(id, "p2"));
        this.overrides = List.copyOf(overrides);
        this.p2Subscribers = List.copyOf(new TreeSet<>(p2Subscribers));
    }

    public static Rota empty() {
        return new Rota(Map.of(), List.of(), List.of(), Set.of());
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public Map<String, Member> members() {
        return members;
    }

    public Optional<Rotation> rotation(Role role) {
        return Optional.ofNullable(rotations.get(role));
    }

    public List<Override> overrides() {
        return overrides;
    }

    public List<Member> p2Subscribers() {
        return p2Subscribers.stream().map(members::get).toList();
    }

    /** Who holds {@code role} at {@code at}, and through what. */
    public Optional<Shift> holder(Role role, Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Override o = overrides.get(i);
            if (o.role() == role && !at.isBefore(o.from()) && at.isBefore(o.to())) {
                return Optional.of(new Shift(role, o.memberId(), o.from(), o.to(), Shift.Source.OVERRIDE));
            }
        }
        Rotation r = rotations.get(role);
        return r == null ? Optional.empty() : r.shiftAt(at);
    }

    public Optional<Member> onCall(Role role, Instant at) {
        return holder(role, at).map(s -> members.get(s.memberId()));
    }

    public OnCall who(Instant at) {
        return new OnCall(at, onCall(Role.PRIMARY, at), onCall(Role.SECONDARY, at), onCall(Role.MANAGER, at), p2Subscribers());
    }

    /**
     * Who holds {@code role} over [from, to) as contiguous pieces, overrides applied and cut to the
     * interval; the instants not covered by any piece are the rota's gaps.
     */
    public List<Shift> timeline(Role role, Instant from, Instant to) {
        TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
        Rotation r = rotations.get(role);
        if (r != null) {
            r.shifts(from, to).forEach(s -> {
                cuts.add(s.start());
                cuts.add(s.end());
            });
        }
        overrides.stream().filter(o -> o.role() == role).forEach(o -> {
            cuts.add(o.from());
            cuts.add(o.to());
        });
        List<Shift> pieces = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts.subSet(from, true, to, true)) {
            if (previous != null) {
                Optional<Shift> holder = holder(role, previous);
                if (holder.isPresent()) {
                    Shift h = holder.get();
                    Shift last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                    if (last != null && last.end().equals(previous) && last.memberId().equals(h.memberId()) && last.source() == h.source()) {
                        pieces.set(pieces.size() - 1, new Shift(role, h.memberId(), last.start(), cut, h.source()));
                    } else {
                        pieces.add(new Shift(role, h.memberId(), previous, cut, h.source()));
                    }
                }
            }
            previous = cut;
        }
        return pieces;
    }

    /** The parts of [from, to) when nobody holds {@code role}. */
    public List<Interval> gaps(Role role, Instant from, Instant to) {
        List<Interval> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Shift s : timeline(role, from, to)) {
            if (s.start().isAfter(cursor)) {
                gaps.add(new Interval(cursor, s.start()));
            }
            cursor = s.end();
        }
        if (cursor.isBefore(to)) {
            gaps.add(new Interval(cursor, to));
        }
        return gaps;
    }

    /**
     * The overrides that swap {@code a} and {@code b} in {@code role} over [from, to): wherever one of
     * them holds it, the other does. Whoever else holds it keeps it.
     */
    public List<Override> swap(Role role, String a, String b, Instant from, Instant to, Supplier<String> ids, String reason) {
        requireMember(a, "memberId");
        requireMember(b, "with");
        if (a.equals(b)) {
            throw new OncallException("with", "a swap needs two different members");
        }
        List<Override> out = new ArrayList<>();
        for (Shift s : timeline(role, from, to)) {
            String other = s.memberId().equals(a) ? b : s.memberId().equals(b) ? a : null;
            if (other != null) {
                out.add(new Override(ids.get(), role, other, s.start(), s.end(), reason));
            }
        }
        return out;
    }

    private void requireMember(String id, String field) {
        if (!members.containsKey(Objects.requireNonNull(id, field))) {
            throw new OncallException(field, "no member " + id);
        }
    }
}
