package io.undersign.controlplane.operation;

/** RETRYING: the last attempt failed and another is scheduled with backoff. */
public enum StepStatus {
    PENDING, RUNNING, RETRYING, SUCCEEDED, FAILED
}
