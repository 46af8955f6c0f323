package io.undersign.controlplane.operation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An operation as the admin API shows it. */
public record OperationView(String id, String tenantId, OperationKind kind, OperationStatus status, @Schema(nullable = true) String requestedBy,
        @Schema(nullable = true) String error, Instant createdAt, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt, List<StepView> steps) {

    public record StepView(String name, StepStatus status, int attempts, @Schema(nullable = true) String error, @Schema(nullable = true) Map<String, String> outputs,
            @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) Long durationMs, @Schema(nullable = true) String progress) {
    }

    private static final TypeReference<Map<String, String>> OUTPUTS = new TypeReference<>() {
    };

    public static OperationView of(Operation op, ObjectMapper json) {
        List<StepView> steps = op.steps.stream().map(s -> new StepView(s.name, s.status, s.attempts, s.error,
                outputs(s.outputs, json), s.startedAt, s.finishedAt, s.durationMs, s.progress))
                .toList();
        return new OperationView(op.id, op.tenantId, op.kind, op.status, op.requestedBy, op.error, op.createdAt,
                op.startedAt, op.finishedAt, steps);
    }

    private static Map<String, String> outputs(String stored, ObjectMapper json) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, OUTPUTS);
        } catch (Exception e) {
            // written by this control plane, so never expected: shown as stored, and said in the log
            org.jboss.logging.Logger.getLogger(OperationView.class).warnf("Step outputs are not a JSON object: %s", e.getMessage());
            return Map.of("raw", stored);
        }
    }
}
