package io.undersign.runtime.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import io.undersign.runtime.evidence.EvidenceStore;
import java.util.List;
import java.util.Map;

/** A case with its latest decision (outcome, terms and explanation), as the API returns it. */
public record CaseView(String id, String reference, String channel, String status, LocalDate applicationDate,
        Map<String, Object> answers, JsonNode decision, int decisions, List<EvidenceStore.Request> evidence,
        Instant createdAt, Instant updatedAt) {
}
