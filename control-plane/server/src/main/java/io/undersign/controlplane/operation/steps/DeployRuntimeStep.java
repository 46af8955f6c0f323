package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.RuntimeDeployer;

@ApplicationScoped
public class DeployRuntimeStep implements StepHandler {
    @Inject
    RuntimeDeployer deployer;

    @Inject
    io.undersign.controlplane.release.ReleaseService releases;

    @Override
    public String name() {
        return StepNames.DEPLOY_RUNTIME;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        Map<String, String> outputs = deployer.deploy(tenant);
        if (tenant.release() != null) {
            releases.markRun(tenant.release());
        }
        return outputs;
    }
}
