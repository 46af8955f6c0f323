package io.undersign.oncall;

import java.time.Instant;
import java.util.Objects;

/** Someone else holds a role over [from, to): holidays, sick days, one half of a swap. Later overrides win. */
public record Override(String id, Role role, String memberId, Instant from, Instant to, String reason) {
    public Override {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(memberId, "memberId");
        if (from == null || to == null || !from.isBefore(to)) {
            throw new OncallException("to", "an override ends after it starts");
        }
    }
}
