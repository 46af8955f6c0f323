package io.undersign.controlplane.tenant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.undersign.controlplane.operation.OperationView;
import java.time.Instant;

/**
 * A tenant as the admin API shows it, with where it answers and its latest operation; a single
 * tenant's view also has its evidence queues (null in lists, or when the broker cannot be asked) and
 * its runtime's state under supervision (null in lists, and on AWS, where auto-scaling groups keep runtimes).
 */
public record TenantView(String id, String displayName, @Schema(nullable = true) String brandColour, String tier, String region, TenantStatus status,
        @Schema(nullable = true) String currentRelease, @Schema(nullable = true) String previousRelease, java.util.List<String> tags, String tlsPolicy, TlsPolicies.Policy tls, @Schema(nullable = true) String contactEmail, Endpoints endpoints,
        Instant createdAt, Instant updatedAt, @Schema(nullable = true) OperationView latestOperation,
        @Schema(nullable = true) io.undersign.controlplane.evidence.EvidenceQueues.Stats evidenceQueues, @Schema(nullable = true) io.undersign.controlplane.runtime.RuntimeState runtime) {

    public record Endpoints(String interview, String api) {
    }
}
