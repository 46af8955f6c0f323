package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.RuntimeUpgrader;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The new runtime serves; the replaced one keeps running until the gate passed. */
@ApplicationScoped
public class SwitchTrafficStep implements StepHandler {
    @Inject
    RuntimeUpgrader upgrader;

    @Inject
    io.undersign.controlplane.release.ReleaseService releases;

    @Override
    public String name() {
        return StepNames.SWITCH_TRAFFIC;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        Map<String, String> outputs = upgrader.switchTraffic(tenant);
        // it has served a tenant: from now on it never changes
        releases.markRun(tenant.release());
        return outputs;
    }
}
