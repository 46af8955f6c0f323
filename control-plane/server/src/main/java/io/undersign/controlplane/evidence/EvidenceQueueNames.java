package io.undersign.controlplane.evidence;

/** The evidence contract's queues of a tenant (docs/evidence-contract.md). */
public record EvidenceQueueNames(String requests, String results, String deadLetters) {
    /** The queues' names after the tenant's prefix {@code undersign.<tenant>.}. */
    public static final String REQUESTS = "evidence.requests";
    public static final String RESULTS = "evidence.results";

    public static EvidenceQueueNames of(String tenantId) {
        String results = "undersign." + tenantId + "." + RESULTS;
        return new EvidenceQueueNames("undersign." + tenantId + "." + REQUESTS, results, results + ".DLQ");
    }
}
