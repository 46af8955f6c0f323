package io.undersign.controlplane.driver.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.DnsRegistrar;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * A tenant's names in the platform's Route 53 zone: the interview host aliased to its ALB, the
 * API host to its NLB (both from the stack's outputs), UPSERTed and waited on until INSYNC;
 * deleted on offboarding. While suspended, the names stay and the load balancers hold the
 * traffic ({@link TrafficSwitch}).
 */
@ApplicationScoped
@Typed(AwsDnsRegistrar.class)
public class AwsDnsRegistrar implements DnsRegistrar {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    SiloOutputs stacks;

    @Override
    public Map<String, String> register(TenantSpec tenant) {
        SiloOutputs.Outputs outputs = stacks.of(tenant.id());
        String change = records().upsert(zone(), List.of(
                new Route53Records.Alias(tenant.interviewHost(), outputs.text("alb_dns_name"), outputs.text("alb_zone_id")),
                new Route53Records.Alias(tenant.apiHost(), outputs.text("nlb_dns_name"), outputs.text("nlb_zone_id"))),
                "undersign: tenant " + tenant.id());
        return Map.of("change", change, tenant.interviewHost(), outputs.text("alb_dns_name"),
                tenant.apiHost(), outputs.text("nlb_dns_name"));
    }

    @Override
    public Map<String, String> deregister(TenantSpec tenant) {
        int deleted = records().delete(zone(), List.of(tenant.interviewHost(), tenant.apiHost()), "undersign: offboard " + tenant.id());
        return Map.of("recordsDeleted", String.valueOf(deleted));
    }

    @Override
    public void suspend(TenantSpec tenant) {
        new TrafficSwitch(clients.regional(tenant.region()).loadBalancing()).suspend(listeners(tenant));
    }

    @Override
    public void resume(TenantSpec tenant) {
        new TrafficSwitch(clients.regional(tenant.region()).loadBalancing()).resume(listeners(tenant));
    }

    private TrafficSwitch.Listeners listeners(TenantSpec tenant) {
        SiloOutputs.Outputs outputs = stacks.of(tenant.id());
        return new TrafficSwitch.Listeners(outputs.text("alb_listener_arn"), outputs.text("nlb_listener_arn"),
                outputs.text("interview_target_group_arn"), outputs.text("api_target_group_arn"),
                outputs.text("suspended_target_group_arn"));
    }

    @Override
    public boolean isFree(String host) {
        return records().current(zone(), host).isEmpty();
    }

    private Route53Records records() {
        return new Route53Records(clients.route53(), config.aws().dnsPollInterval(), config.aws().dnsTimeout());
    }

    private String zone() {
        return config.aws().hostedZoneId().orElseThrow(() -> new IllegalStateException("undersign.aws.hosted-zone-id is not set"));
    }
}
