package io.undersign.runtime.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.runtime.evidence.EvidenceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A case with its latest decision (outcome, terms and explanation), as the API returns it. */
public record CaseView(String id, String reference, String channel, CaseStatus status, LocalDate applicationDate,
        Map<String, Object> answers, JsonNode decision, int decisions, List<EvidenceStore.Request> evidence,
        Instant createdAt, Instant updatedAt) {

    static CaseView of(StoredCase c, CaseRepository.Decisions decisions, List<EvidenceStore.Request> requests) {
        return new CaseView(c.id(), c.reference(), c.channel().wire, c.status(), c.applicationDate(), c.answers(),
                decisions.latest(), decisions.count(), requests, c.createdAt(), c.updatedAt());
    }
}
