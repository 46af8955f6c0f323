package io.undersign.oncall;

import java.time.Instant;

/** Who holds a role over [start, end), and whether a rotation or an override put them there. */
public record Shift(Role role, String memberId, Instant start, Instant end, Source source) {
    public enum Source {
        ROTATION, OVERRIDE
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
