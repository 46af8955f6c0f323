package io.undersign.controlplane.operation.steps;

import io.undersign.controlplane.operation.StepHandler;
import io.undersign.controlplane.operation.StepNames;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import io.undersign.controlplane.driver.DnsRegistrar;

@ApplicationScoped
public class RegisterDnsStep implements StepHandler {
    @Inject
    DnsRegistrar dns;

    @Override
    public String name() {
        return StepNames.REGISTER_DNS;
    }

    @Override
    public Map<String, String> run(TenantSpec tenant) throws Exception {
        return dns.register(tenant);
    }
}
