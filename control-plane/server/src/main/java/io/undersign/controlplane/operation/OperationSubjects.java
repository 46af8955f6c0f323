package io.undersign.controlplane.operation;

import io.undersign.controlplane.driver.TenantSpec;
import java.time.Instant;

/**
 * What an operation's life means for the tenant it works on, told in the same transaction as
 * each change of the operation. The tenant registry implements it; this package knows nothing of
 * tenant statuses.
 */
public interface OperationSubjects {

    /** The operation starts, resumes or is reopened: the tenant takes its working status; returns what the steps need. */
    TenantSpec running(Operation op, Instant now);

    /** The operation failed for good (until an operator retries). */
    void failed(Operation op, Instant now);

    /** Every step succeeded. */
    void succeeded(Operation op, Instant now);
}
