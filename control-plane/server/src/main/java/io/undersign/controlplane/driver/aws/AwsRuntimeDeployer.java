package io.undersign.controlplane.driver.aws;

import io.undersign.contract.SiloNames;
import com.fasterxml.jackson.databind.JsonNode;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.RuntimeDeployer;
import io.undersign.controlplane.operation.StepProgress;
import io.undersign.controlplane.tenant.TenantSpec;
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
    AwsStackProvisioner stacks;

    @Inject
    StepProgress progress;

    @Override
    public Map<String, String> deploy(TenantSpec tenant) throws Exception {
        Map<String, JsonNode> outputs = stacks.outputs(tenant.id());
        RuntimeRollout rollout = rollout(tenant);
        String release = config.aws().release();
        rollout.configure(io.undersign.contract.SiloNames.parameterPath(tenant.id()), RuntimeRollout.runtimeParameters(tenant.id(), tenant.displayName(),
                tenant.brandColour(), stacks.jdbcUrl(outputs, tenant.id()),
                SiloNames.databaseSecret(tenant.id()), AwsStackProvisioner.brokerUrl(outputs.get("broker_instances")),
                SiloNames.brokerSecret(tenant.id()), release));
        long version = rollout.newTemplateVersion(outputs.get("launch_template_id").asText(), release);
        String refresh = rollout.refresh(outputs.get("asg_name").asText(), message -> progress.report(tenant.id(), message));
        return Map.of("release", release, "launchTemplateVersion", String.valueOf(version), "instanceRefresh", refresh);
    }

    @Override
    public Map<String, String> stop(TenantSpec tenant) throws Exception {
        String group = stacks.outputs(tenant.id()).get("asg_name").asText();
        rollout(tenant).stop(group);
        return Map.of("stopped", group);
    }

    private RuntimeRollout rollout(TenantSpec tenant) {
        return new RuntimeRollout(clients.regional(tenant.region()), config.aws().rolloutPollInterval(), config.aws().rolloutTimeout());
    }
}
