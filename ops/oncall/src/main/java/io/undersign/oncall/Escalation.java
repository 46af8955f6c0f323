package io.undersign.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to send for an unacknowledged incident, and when to look again. P1 calls the primary; with no
 * acknowledgement within the timeout, the secondary; then the manager line; a line nobody holds is
 * passed over at once, in words. P2 texts every P2 subscriber once. Nobody to reach at all: UNROUTED,
 * which the incident shows; it is never dropped. Pure: the caller keeps {@link State} and the clock.
 */
public final class Escalation {
    private static final List<Role> P1_CHAIN = List.of(Role.PRIMARY, Role.SECONDARY, Role.MANAGER);

    private final Duration ackTimeout;

    public Escalation(Duration ackTimeout) {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new OncallException("ackTimeout", "the acknowledgement timeout must be positive");
        }
        this.ackTimeout = ackTimeout;
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** Where an incident's escalation stands: the next line to try, and when; {@code nextAt} null once finished. */
    public record State(Priority priority, int nextStep, Instant nextAt, boolean pagedAnyone) {
        public static State opened(Priority priority, Instant at) {
            return new State(priority, 0, at, false);
        }

        public boolean finished() {
            return nextAt == null;
        }
    }

    public enum Channel {
        VOICE, SMS
    }

    /** One notification to dispatch: a call for a P1 line (role set), or an SMS to a P2 subscriber (role null). */
    public record Page(Channel channel, Role role, Member member) {
    }

    public enum Outcome {
        /** nothing due yet */
        WAITING,
        /** pages to dispatch; the escalation goes on at {@code state.nextAt} unless acknowledged */
        PAGED,
        /** every line tried, nobody acknowledged */
        EXHAUSTED,
        /** nobody on the rota could be reached */
        UNROUTED
    }

    public record Decision(Outcome outcome, List<Page> pages, List<String> notes, State state) {
    }

    public Decision advance(State state, Rota rota, Instant now) {
        if (state.finished() || now.isBefore(state.nextAt())) {
            return new Decision(Outcome.WAITING, List.of(), List.of(), state);
        }
        return state.priority() == Priority.P1 ? advanceP1(state, rota, now) : advanceP2(state, rota);
    }

    private Decision advanceP1(State state, Rota rota, Instant now) {
        List<String> notes = new ArrayList<>();
        int step = state.nextStep();
        while (step < P1_CHAIN.size()) {
            Role role = P1_CHAIN.get(step++);
            Optional<Member> member = rota.onCall(role, now);
            if (member.isPresent()) {
                return new Decision(Outcome.PAGED, List.of(new Page(Channel.VOICE, role, member.get())), notes,
                        new State(Priority.P1, step, now.plus(ackTimeout), true));
            }
            notes.add("nobody is on call as " + role.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (state.pagedAnyone()) {
            notes.add("not acknowledged after every line was called");
            return new Decision(Outcome.EXHAUSTED, List.of(), notes, new State(Priority.P1, step, null, true));
        }
        return new Decision(Outcome.UNROUTED, List.of(), notes, new State(Priority.P1, step, null, false));
    }

    private Decision advanceP2(State state, Rota rota) {
        List<Member> subscribers = rota.p2Subscribers();
        if (subscribers.isEmpty()) {
            return new Decision(Outcome.UNROUTED, List.of(), List.of("nobody is subscribed to P2"), new State(Priority.P2, 1, null, false));
        }
        List<Page> pages = subscribers.stream().map(m -> new Page(Channel.SMS, null, m)).toList();
        return new Decision(Outcome.PAGED, pages, List.of(), new State(Priority.P2, 1, null, true));
    }
}
