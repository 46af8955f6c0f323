package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.RuntimeUpgrader;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The replaced runtime stops, gracefully, once the new one passed its gate. */
@ApplicationScoped
public class RetirePreviousStep implements StepHandler {
    @Inject
    RuntimeUpgrader upgrader;

    @Override
    public String name() {
        return StepNames.RETIRE_PREVIOUS;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return upgrader.retirePrevious(tenant);
    }
}
