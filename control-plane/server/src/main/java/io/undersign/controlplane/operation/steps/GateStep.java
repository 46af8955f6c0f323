package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.RuntimeUpgrader;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.operation.StepRefusedException;
import io.undersign.controlplane.release.ReleaseGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * The release's gate, after the switch and before the replaced runtime stops. A failed gate
 * switches back to the replaced runtime (still running), so the tenant is on its previous
 * release again on its own, and fails the upgrade without retrying.
 */
@ApplicationScoped
public class GateStep implements StepHandler {
    @Inject
    ReleaseGate gate;

    @Inject
    RuntimeUpgrader upgrader;

    @Override
    public String name() {
        return StepNames.GATE;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        // a re-run after a crash counts only probes from its own start: never one from before the switch
        Instant from = Instant.now();
        try {
            return gate.check(tenant, from);
        } catch (ReleaseGate.Failed failed) {
            upgrader.switchBack(tenant);
            throw new StepRefusedException("gate of release " + tenant.release() + " failed: " + failed.getMessage()
                    + "; switched back to the previous runtime", failed);
        }
    }
}
