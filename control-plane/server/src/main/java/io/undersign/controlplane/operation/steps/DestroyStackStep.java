package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.StackProvisioner;

@ApplicationScoped
public class DestroyStackStep implements StepHandler {
    @Inject
    StackProvisioner provisioner;

    @Override
    public String name() {
        return StepNames.DESTROY_STACK;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return provisioner.destroy(tenant);
    }
}
