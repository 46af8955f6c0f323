package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.RuntimeDeployer;

@ApplicationScoped
public class StopRuntimeStep implements StepHandler {
    @Inject
    RuntimeDeployer deployer;

    @Override
    public String name() {
        return StepNames.STOP_RUNTIME;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return deployer.stop(tenant);
    }
}
