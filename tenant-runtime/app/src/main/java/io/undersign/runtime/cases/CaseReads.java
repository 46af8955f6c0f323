package io.undersign.runtime.cases;

import io.undersign.runtime.evidence.EvidenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Cases as the API and the interview read them; a page costs four queries, whatever its size. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseReads {
    private static final CaseRepository.Decisions NO_DECISIONS = new CaseRepository.Decisions(null, 0);

    @Inject
    CaseRepository cases;

    @Inject
    EvidenceStore evidence;

    /** The case as stored; a malformed or unknown id is not found. */
    public StoredCase stored(String id) {
        if (!CaseIds.wellFormed(id)) {
            throw new CaseNotFoundException(id);
        }
        return cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    public CaseView get(String id) {
        StoredCase c = stored(id);
        return CaseView.of(c, cases.decisions(c.id()), evidence.ofCase(c.id()), cases.finalManualDecision(c.id()).orElse(null));
    }

    /** The underwriter's decision that stands on the case, if a person decided it. */
    public java.util.Optional<FinalDecision.Manual> finalManualDecision(String id) {
        return cases.finalManualDecision(id);
    }

    /** Newest first, after the case created at {@code beforeCreated} with {@code beforeId} (null: from the newest). */
    public List<CaseView> page(CaseFilter filter, Instant beforeCreated, String beforeId, int limit) {
        List<StoredCase> page = cases.page(filter, beforeCreated, beforeId, limit);
        List<String> ids = page.stream().map(StoredCase::id).toList();
        Map<String, CaseRepository.Decisions> decisions = cases.decisions(ids);
        Map<String, List<EvidenceStore.Request>> requests = evidence.ofCases(ids);
        Map<String, FinalDecision.Manual> manual = cases.finalManualDecisions(ids);
        return page.stream().map(c -> CaseView.of(c, decisions.getOrDefault(c.id(), NO_DECISIONS), requests.getOrDefault(c.id(), List.of()),
                manual.get(c.id()))).toList();
    }
}
