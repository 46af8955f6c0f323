package io.undersign.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who answers at one instant: the P1 chain and the P2 subscribers. */
public record OnCall(Instant at, Optional<Member> primary, Optional<Member> secondary, Optional<Member> manager, List<Member> p2) {
}
