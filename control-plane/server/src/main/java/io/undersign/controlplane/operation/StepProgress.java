package io.undersign.controlplane.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Lets a long-running step say what it is doing (shown with the step in the API and the CLI's
 * live view): written to the tenant's running step, outside the step's own work.
 */
@ApplicationScoped
public class StepProgress {
    private static final Logger LOG = Logger.getLogger(StepProgress.class);
    private static final int MAX = 500;

    @Inject
    OperationStore operations;

    public void report(String tenantId, String message) {
        String text = message.length() > MAX ? message.substring(0, MAX - 1) + "…" : message;
        LOG.infof("[%s] %s", tenantId, text);
        try {
            operations.reportProgress(tenantId, text);
        } catch (RuntimeException e) {
            // progress is a courtesy to whoever watches: the step's work goes on
            LOG.warnf("progress of %s not recorded: %s", tenantId, e.getMessage());
        }
    }
}
