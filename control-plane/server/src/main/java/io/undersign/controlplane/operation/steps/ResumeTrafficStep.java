package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.DnsRegistrar;

@ApplicationScoped
public class ResumeTrafficStep implements StepHandler {
    @Inject
    DnsRegistrar dns;

    @Override
    public String name() {
        return StepNames.RESUME_TRAFFIC;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        dns.resume(tenant);
        return Map.of("traffic", "routed");
    }
}
