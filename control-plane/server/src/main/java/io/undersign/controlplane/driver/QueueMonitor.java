package io.undersign.controlplane.driver;

import java.time.Instant;

/** Reads a tenant broker queue's state for operators (local: the embedded broker; AWS: CloudWatch). */
public interface QueueMonitor {

    /** Messages waiting and when the oldest was sent (null when empty or not known). */
    record State(long depth, Instant oldest) {
    }

    State state(String tenantId, String queue) throws Exception;
}
