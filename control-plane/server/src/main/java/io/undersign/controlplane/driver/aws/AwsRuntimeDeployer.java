package io.undersign.controlplane.driver.aws;

import io.undersign.contract.SiloNames;
import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.RuntimeDeployer;
import io.undersign.controlplane.operation.StepProgress;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Deploys a tenant's runtime on AWS: configuration to SSM, a launch template version for this
 * release, an instance refresh of the tenant's auto-scaling group followed to its end.
 */
@ApplicationScoped
@Typed(AwsRuntimeDeployer.class)
public class AwsRuntimeDeployer implements RuntimeDeployer {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    SiloOutputs stacks;

    @Inject
    StepProgress progress;

    @Override
    public Map<String, String> deploy(TenantSpec tenant) throws Exception {
        SiloOutputs.Outputs outputs = stacks.of(tenant.id());
        RuntimeRollout rollout = rollout(tenant);
        String release = config.aws().release();
        rollout.configure(io.undersign.contract.SiloNames.parameterPath(tenant.id()), RuntimeRollout.runtimeParameters(tenant.id(), tenant.displayName(),
                // where integrators reach it (its OpenAPI document names it): the api. host behind the NLB, port 443
                tenant.brandColour(), "https://" + tenant.apiHost(), stacks.jdbcUrl(outputs),
                SiloNames.databaseSecret(tenant.id()), SiloOutputs.brokerUrl(outputs),
                SiloNames.brokerSecret(tenant.id()), release));
        long version = rollout.newTemplateVersion(outputs.text("launch_template_id"), release);
        String refresh = rollout.refresh(outputs.text("asg_name"), message -> progress.report(tenant.id(), message));
        return Map.of("release", release, "launchTemplateVersion", String.valueOf(version), "instanceRefresh", refresh);
    }

    @Override
    public Map<String, String> stop(TenantSpec tenant) throws Exception {
        String group = stacks.of(tenant.id()).text("asg_name");
        rollout(tenant).stop(group);
        return Map.of("stopped", group);
    }

    private RuntimeRollout rollout(TenantSpec tenant) {
        return new RuntimeRollout(clients.regional(tenant.region()), config.aws().rolloutPollInterval(), config.aws().rolloutTimeout());
    }
}
