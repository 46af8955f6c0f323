package io.undersign.engine;

import java.util.List;

/**
 * The engine's decision on a case. {@code rating} is set when premium is loaded (it may come with
 * exclusions); {@code postponeMonths} for POSTPONE; {@code referralReasons} for REFER;
 * {@code pendingEvidence} lists evidence still to come (the outcome is PENDING_EVIDENCE when
 * nothing more severe applies).
 */
public record Decision(Outcome outcome, Rating rating, List<String> exclusions, Integer postponeMonths,
        List<String> referralReasons, List<PendingEvidence> pendingEvidence, Explanation explanation) {

    /** Evidence still needed, and the reasons that asked for it. */
    public record PendingEvidence(String type, String name, List<String> requestedBecause) {
    }
}
