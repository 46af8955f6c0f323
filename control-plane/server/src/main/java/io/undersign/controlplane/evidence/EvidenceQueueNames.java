package io.undersign.controlplane.evidence;

/** The evidence contract's queues of a tenant (docs/evidence-contract.md). */
public record EvidenceQueueNames(String requests, String results, String deadLetters) {

    public static EvidenceQueueNames of(String tenantId) {
        String results = "undersign." + tenantId + ".evidence.results";
        return new EvidenceQueueNames("undersign." + tenantId + ".evidence.requests", results, results + ".DLQ");
    }
}
