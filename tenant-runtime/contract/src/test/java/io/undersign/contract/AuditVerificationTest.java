package io.undersign.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditVerificationTest {
    private static final String TENANT = "acme";

    /** A chain of {@code n} entries sealed as the runtime seals them. */
    private static List<AuditVerification.Seal> chain(int n) {
        List<AuditVerification.Seal> seals = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditChain.Entry entry = new AuditChain.Entry(100 + i, "2026-12-03 10:00:0" + (i % 10) + ".000000", "underwriter:ada",
                    "workbench.claimed", "case" + i);
            String hash = AuditChain.hash(TENANT, i, previous, entry);
            seals.add(new AuditVerification.Seal(i, entry.id(), previous, hash, entry));
            previous = hash;
        }
        return seals;
    }

    private static List<String> verify(List<AuditVerification.Seal> seals, long headSeq, String headHash) {
        AuditVerification check = new AuditVerification(TENANT);
        seals.forEach(check::accept);
        check.head(headSeq, headHash);
        return check.problems().stream().map(AuditVerification.Problem::what).toList();
    }

    @Test
    void anIntactChainVerifies() {
        List<AuditVerification.Seal> seals = chain(5);
        assertThat(verify(seals, 5, seals.get(4).hash())).isEmpty();
    }

    @Test
    void aChangedEntryBreaksItsOwnHash() {
        List<AuditVerification.Seal> seals = chain(5);
        AuditVerification.Seal s = seals.get(2);
        seals.set(2, new AuditVerification.Seal(s.seq(), s.eventId(), s.previous(), s.hash(),
                new AuditChain.Entry(s.entry().id(), s.entry().at(), s.entry().actor(), "workbench.approved", s.entry().detail())));
        assertThat(verify(seals, 5, seals.get(4).hash())).containsExactly("audit entry 103 changed after it was sealed");
    }

    @Test
    void aDeletedEntryOrSealShows() {
        List<AuditVerification.Seal> seals = chain(5);
        AuditVerification.Seal s = seals.get(1);
        seals.set(1, new AuditVerification.Seal(s.seq(), s.eventId(), s.previous(), s.hash(), null));
        assertThat(verify(seals, 5, seals.get(4).hash())).containsExactly("audit entry 102 deleted");

        List<AuditVerification.Seal> gap = chain(5);
        gap.remove(2);
        assertThat(verify(gap, 5, gap.get(3).hash())).contains("seal(s) 3 deleted");
    }

    @Test
    void theNewestSealsDeletedShowAgainstTheHead() {
        List<AuditVerification.Seal> seals = chain(5);
        String head = seals.get(4).hash();
        assertThat(verify(seals.subList(0, 3), 5, head)).anyMatch(w -> w.contains("newest seal(s) after 3 deleted"));
    }

    @Test
    void aTrailCopiedFromAnotherTenantDoesNotVerify() {
        List<AuditVerification.Seal> seals = chain(3);
        AuditVerification check = new AuditVerification("other");
        seals.forEach(check::accept);
        assertThat(check.problems()).hasSize(3);
    }
}
