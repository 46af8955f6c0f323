package io.undersign.runtime.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.runtime.evidence.EvidenceStore;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case with its latest decision (outcome, terms and explanation), as the API returns it.
 * {@code shortRef}: a reference a person can read out (cases made before it existed have none);
 * {@code decision}: the engine's latest, null only for an interview case not yet submitted; {@code finalDecision}: the
 * one that stands and who made it (the engine, or an underwriter beside it).
 */
public record CaseView(String id, @Schema(nullable = true) String shortRef, @Schema(nullable = true) String reference,
        @Schema(enumeration = {"api", "interview"}) String channel, CaseStatus status, LocalDate applicationDate,
        Map<String, Object> answers, @Schema(implementation = io.undersign.engine.Decision.class, nullable = true) JsonNode decision,
        int decisions, List<EvidenceStore.Request> evidence, Instant createdAt, Instant updatedAt,
        @Schema(nullable = true) FinalDecision finalDecision) {

    static CaseView of(StoredCase c, CaseRepository.Decisions decisions, List<EvidenceStore.Request> requests, FinalDecision.Manual manual) {
        return new CaseView(c.id(), c.shortRef(), c.reference(), c.channel().wire, c.status(), c.applicationDate(), c.answers(),
                decisions.latest(), decisions.count(), requests, c.createdAt(), c.updatedAt(), FinalDecision.of(decisions.latest(), manual));
    }
}
