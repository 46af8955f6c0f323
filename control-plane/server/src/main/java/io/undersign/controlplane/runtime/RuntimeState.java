package io.undersign.controlplane.runtime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/**
 * A tenant's runtime as operators see it: running (with pid, port and since when) or down, how
 * often its supervisor restarted it, how it last ended and when the next restart is due.
 */
public record RuntimeState(String state, @Schema(nullable = true) Long pid, @Schema(nullable = true) Integer port, @Schema(nullable = true) Instant startedAt, int restarts, @Schema(nullable = true) LastExit lastExit,
        @Schema(nullable = true) Instant nextRestartAt) {

    public record LastExit(Instant at, @Schema(nullable = true) Integer exitCode, @Schema(nullable = true) String reason) {
    }

    public static RuntimeState of(RuntimeInstance instance, RuntimeSupervision record) {
        LastExit last = record == null || record.lastExitAt == null ? null
                : new LastExit(record.lastExitAt, record.lastExitCode, record.lastExitReason);
        int restarts = record == null ? 0 : record.restarts;
        if (instance != null) {
            return new RuntimeState("running", instance.pid, instance.port, instance.startedAt, restarts, last, null);
        }
        return new RuntimeState("down", null, null, null, restarts, last, record == null ? null : record.nextAttemptAt);
    }
}
