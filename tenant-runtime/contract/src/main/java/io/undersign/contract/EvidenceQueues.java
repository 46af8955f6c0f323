package io.undersign.contract;

/**
 * A tenant's evidence queues (docs/evidence-contract.md): the runtime sends requests and reads
 * results; a provider reads requests and sends results; results that can never apply are
 * dead-lettered beside them, inside the tenant's own destinations.
 */
public record EvidenceQueues(String requests, String results, String deadLetters) {
    /** The queues' names after the tenant's prefix (what the broker's access rules match). */
    public static final String REQUESTS = "evidence.requests";
    public static final String RESULTS = "evidence.results";

    public static EvidenceQueues of(String tenantId) {
        String prefix = destinationPrefix(tenantId);
        return new EvidenceQueues(prefix + REQUESTS, prefix + RESULTS, prefix + RESULTS + ".DLQ");
    }

    /** Every destination of the tenant starts so: {@code undersign.<tenant>.}. */
    public static String destinationPrefix(String tenantId) {
        return "undersign." + tenantId + ".";
    }
}
