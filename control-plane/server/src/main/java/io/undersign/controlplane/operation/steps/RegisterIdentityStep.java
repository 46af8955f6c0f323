package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.IdentityRealms;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The tenant's sign-in for underwriters (its realm, roles and workbench client), before its runtime is deployed with it. */
@ApplicationScoped
public class RegisterIdentityStep implements StepHandler {
    @Inject
    IdentityRealms identity;

    @Override
    public String name() {
        return StepNames.REGISTER_IDENTITY;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return identity.register(tenant);
    }
}
