package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.RuntimeUpgrader;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.operation.StepRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The release's runtime beside the serving one; one that will not start or reports another build is refused, not retried. */
@ApplicationScoped
public class StartCandidateStep implements StepHandler {
    @Inject
    RuntimeUpgrader upgrader;

    @Override
    public String name() {
        return StepNames.START_CANDIDATE;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        try {
            return upgrader.startCandidate(tenant);
        } catch (IllegalStateException e) {
            throw new StepRefusedException("release " + tenant.release() + " refused: " + e.getMessage() + "; the tenant keeps its runtime", e);
        }
    }
}
