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
 * Deploys a tenant's runtime on AWS: configuration to SSM, the launch template version of its
 * release (or of the image's own build), an instance refresh of the tenant's auto-scaling group to
 * it followed to its end.
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

    @Inject
    AwsRuntimeUpgrader releases;

    @Override
    public Map<String, String> deploy(TenantSpec tenant) throws Exception {
        SiloOutputs.Outputs outputs = stacks.of(tenant.id());
        RuntimeRollout rollout = rollout(tenant);
        // a tenant on a release runs that release's build and rulebook; one on none, the image's own
        String release = tenant.release() == null ? config.aws().release() : tenant.release();
        rollout.configure(io.undersign.contract.SiloNames.parameterPath(tenant.id()), RuntimeRollout.runtimeParameters(tenant.id(), tenant.displayName(),
                // where integrators reach it (its OpenAPI document names it): the api. host behind the NLB, port 443
                tenant.brandColour(), "https://" + tenant.apiHost(), stacks.jdbcUrl(outputs),
                SiloNames.databaseSecret(tenant.id()), SiloOutputs.brokerUrl(outputs),
                SiloNames.brokerSecret(tenant.id()), release, outputs.text("root_key_arn"), io.undersign.controlplane.tenant.TenantNames.keyDatabase(tenant.id())));
        String template = outputs.text("launch_template_id");
        long version = tenant.release() == null
                ? rollout.templateVersion(template, RuntimeRollout.imageDescription(release), release, java.util.Optional.empty())
                : releases.stage(tenant).version();
        String refresh = rollout.refresh(outputs.text("asg_name"), template, version, message -> progress.report(tenant.id(), message));
        return Map.of("release", release, "launchTemplateVersion", String.valueOf(version), "instanceRefresh", refresh);
    }

    @Override
    public Map<String, String> stop(TenantSpec tenant) throws Exception {
        String group = stacks.of(tenant.id()).text("asg_name");
        rollout(tenant).stop(group);
        return Map.of("stopped", group);
    }

    private RuntimeRollout rollout(TenantSpec tenant) {
        return RuntimeRollouts.of(clients, config, tenant.region());
    }
}
