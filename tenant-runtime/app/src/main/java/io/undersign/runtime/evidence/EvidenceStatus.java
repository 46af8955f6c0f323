package io.undersign.runtime.evidence;

/** An evidence request: asked of the provider (and, once published, on the broker), or answered. */
public enum EvidenceStatus {
    REQUESTED, RECEIVED
}
