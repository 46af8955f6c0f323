package io.undersign.runtime.evidence;

/** Fired when a unit of work added evidence requests: the outbox publishes once it commits. */
public record EvidenceRequested(String caseId) {
}
