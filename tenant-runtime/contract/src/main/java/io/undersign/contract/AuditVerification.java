package io.undersign.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a tenant's sealed audit trail in chain order and says, in words, every place where it does
 * not hold: an entry changed after it was sealed, an entry or a seal deleted, a seal re-ordered, a
 * chain head that does not match the last seal. Feed it the seals in {@code seq} order.
 */
public final class AuditVerification {
    /** One seal as stored, with the entry it seals ({@code entry} null when that row is gone). */
    public record Seal(long seq, long eventId, String previous, String hash, AuditChain.Entry entry) {
    }

    /** Where the trail breaks. */
    public record Problem(long seq, long eventId, String what) {
    }

    private final String tenantId;
    private final List<Problem> problems = new ArrayList<>();
    private long expectedSeq = 1;
    private String previous = AuditChain.GENESIS;
    private long checked;

    public AuditVerification(String tenantId) {
        this.tenantId = tenantId;
    }

    public void accept(Seal seal) {
        checked++;
        if (seal.seq() != expectedSeq) {
            problems.add(new Problem(seal.seq(), seal.eventId(), seal.seq() > expectedSeq
                    ? "seal(s) " + expectedSeq + (seal.seq() - 1 > expectedSeq ? "-" + (seal.seq() - 1) : "") + " deleted"
                    : "seal out of order"));
        }
        if (!previous.equals(seal.previous())) {
            problems.add(new Problem(seal.seq(), seal.eventId(), "does not link to the entry before it (an entry before it was deleted or changed)"));
        }
        if (seal.entry() == null) {
            problems.add(new Problem(seal.seq(), seal.eventId(), "audit entry " + seal.eventId() + " deleted"));
        } else if (!AuditChain.hash(tenantId, seal.seq(), seal.previous(), seal.entry()).equals(seal.hash())) {
            problems.add(new Problem(seal.seq(), seal.eventId(), "audit entry " + seal.eventId() + " changed after it was sealed"));
        }
        expectedSeq = seal.seq() + 1;
        previous = seal.hash();
    }

    /** The head the runtime keeps: the last seal it wrote. Deleting the newest seals shows here. */
    public void head(long seq, String hash) {
        if (seq != expectedSeq - 1 || !hash.equals(previous)) {
            problems.add(new Problem(seq, 0, seq > expectedSeq - 1
                    ? "the newest seal(s) after " + (expectedSeq - 1) + " deleted (the chain head is at " + seq + ")"
                    : "the chain head does not match the last seal"));
        }
    }

    /** An entry older than the sealer's delay that no seal covers: written past the chain, or its seal deleted. */
    public void unsealed(long eventId) {
        problems.add(new Problem(0, eventId, "audit entry " + eventId + " is not sealed"));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public long checked() {
        return checked;
    }

    /** The hash the next entry must link to: the chain's current end, for anchoring elsewhere. */
    public String lastHash() {
        return previous;
    }
}
