package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.driver.IdentityRealms;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Offboarding: the tenant's realm and its people go (after the runtime stopped and the data was exported). */
@ApplicationScoped
public class RemoveIdentityStep implements StepHandler {
    @Inject
    IdentityRealms identity;

    @Override
    public String name() {
        return StepNames.REMOVE_IDENTITY;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return identity.remove(tenant);
    }
}
