package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.PublicEndpointProbe;

@ApplicationScoped
public class VerifyStep implements StepHandler {
    @Inject
    PublicEndpointProbe probe;

    @Override
    public String name() {
        return StepNames.VERIFY;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return probe.verify(tenant);
    }
}
