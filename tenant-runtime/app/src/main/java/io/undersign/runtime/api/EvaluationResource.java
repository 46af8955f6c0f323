package io.undersign.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.engine.Decision;
import io.undersign.engine.Rulebook;
import io.undersign.runtime.cases.CaseRecorder;
import io.undersign.runtime.cases.RulebookHolder;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision without a case: the answers (and evidence results) decided by the current rulebook
 * version, nothing stored. For quotes, and for the platform's check that a new release decides
 * as its rulebook predicts.
 */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    /** Answers as for a case; {@code evidence}: results by evidence type; {@code applicationDate} defaults to today. */
    public record Evaluate(@Schema(nullable = true) LocalDate applicationDate, @NotNull Map<String, Object> answers,
            @Schema(nullable = true) Map<String, Map<String, Object>> evidence) {
    }

    /** The decision and the rulebook version that made it. */
    public record Evaluated(String rulebookId, String rulebookVersion,
            @Schema(implementation = io.undersign.engine.Decision.class) JsonNode decision) {
    }

    @Inject
    CaseRecorder recorder;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @POST
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "evaluate",
            summary = "Decide answers without making a case: nothing is stored")
    public Evaluated evaluate(@Valid @NotNull Evaluate request) {
        Rulebook rulebook = rulebooks.rulebook();
        LocalDate date = request.applicationDate() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : request.applicationDate();
        Decision decision = recorder.decide(rulebook, request.answers(), request.evidence() == null ? Map.of() : request.evidence(), date);
        return new Evaluated(rulebook.metadata().id(), rulebook.metadata().version(), json.valueToTree(decision));
    }
}
