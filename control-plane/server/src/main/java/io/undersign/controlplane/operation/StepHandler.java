package io.undersign.controlplane.operation;

import io.undersign.controlplane.driver.TenantSpec;
import java.util.Map;

/**
 * One workflow step. Implementations must be idempotent: a step re-run after a crash finds and
 * reuses what an earlier attempt already made. They run outside any transaction.
 */
public interface StepHandler {

    /** The step name it implements (see {@link StepNames}). */
    String name();

    /** Does the step's work; returns what it made, for operators (never secrets). */
    Map<String, String> run(TenantSpec tenant) throws Exception;
}
