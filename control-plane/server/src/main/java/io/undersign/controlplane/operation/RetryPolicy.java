package io.undersign.controlplane.operation;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How often a step is tried before its operation fails and waits for an operator
 * ({@code undersign.operations.max-attempts}); the scheduler spaces the attempts out.
 */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    UndersignConfig config;

    /** After a failed {@code attempt} (1 for the first), whether the step is tried again. */
    public boolean triesAgainAfter(int attempt) {
        return attempt < config.operations().maxAttempts();
    }
}
