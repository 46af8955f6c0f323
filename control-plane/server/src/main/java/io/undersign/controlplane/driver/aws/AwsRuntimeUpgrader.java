package io.undersign.controlplane.driver.aws;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.undersign.contract.SiloNames;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.RuntimeUpgrader;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.operation.StepProgress;
import io.undersign.controlplane.release.RuntimeArtifacts;
import io.undersign.controlplane.release.RuntimeBuilds;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Moves an AWS tenant to a release with no downtime. The candidate is a launch template version
 * whose instances fetch the release's build and rulebook (kept in the release bucket by SHA-256,
 * checked at boot); the switch is an instance refresh to it that launches new instances before
 * any old one goes (100% healthy throughout, the load balancers send traffic only to instances
 * that pass their health checks, and drain the old ones); switching back is a refresh to the
 * previous release's version. Once a refresh succeeded no instance of the previous release is
 * left, so retiring it has nothing more to stop.
 */
@ApplicationScoped
@Typed(AwsRuntimeUpgrader.class)
public class AwsRuntimeUpgrader implements RuntimeUpgrader {

    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    SiloOutputs stacks;

    @Inject
    StepProgress progress;

    @Inject
    RuntimeBuilds builds;

    @Inject
    TenantRepository tenants;

    @Override
    public Map<String, String> startCandidate(TenantSpec tenant) throws Exception {
        Staged staged = stage(tenant);
        return Map.of("release", tenant.release(), "artifact", staged.artifact(), "rulebook", staged.rulebook(),
                "launchTemplateVersion", String.valueOf(staged.version()));
    }

    /** A release's launch template version, ready for a refresh to name it. */
    public record Staged(String artifact, String rulebook, long version) {
    }

    /** The release's build and rulebook in the bucket and its launch template version (each made once). */
    public Staged stage(TenantSpec tenant) {
        RuntimeBuilds.RuntimeBuild build = builds.of(tenant);
        ReleaseObjects objects = new ReleaseObjects(clients.s3(tenant.region()), releaseBucket(tenant.region()));
        String artifact = objects.put(ReleaseObjects.artifactKey(build.runtimeSha256()), build.jar(), build.runtimeSha256());
        String rulebookSha256 = RuntimeArtifacts.sha256Of(build.rulebookFile());
        String rulebook = objects.put(ReleaseObjects.rulebookKey(rulebookSha256), build.rulebookFile(), rulebookSha256);
        String userData = ReleaseUserData.script(tenant.region(), SiloNames.parameterPath(tenant.id()),
                new ReleaseUserData.Release(build.release(), artifact, build.runtimeSha256(), rulebook, rulebookSha256));
        long version = rollout(tenant).templateVersion(launchTemplate(tenant), RuntimeRollout.releaseDescription(build.release()),
                build.release(), Optional.of(userData));
        return new Staged(artifact, rulebook, version);
    }

    @Override
    public Map<String, String> switchTraffic(TenantSpec tenant) throws Exception {
        long version = versionOf(tenant, RuntimeRollout.releaseDescription(tenant.release()));
        String refresh = refresh(tenant, version);
        return Map.of("serving", "launch template version " + version, "instanceRefresh", refresh, "switchedAt", Instant.now().toString());
    }

    @Override
    public Map<String, String> switchBack(TenantSpec tenant) throws Exception {
        String previous = QuarkusTransaction.joiningExisting().call(() -> tenants.require(tenant.id()).currentRelease);
        String description = previous == null ? RuntimeRollout.imageDescription(config.aws().release())
                : RuntimeRollout.releaseDescription(previous);
        long version = versionOf(tenant, description);
        String refresh = refresh(tenant, version);
        return Map.of("serving", "launch template version " + version + " (" + description + ")", "instanceRefresh", refresh);
    }

    @Override
    public Map<String, String> retirePrevious(TenantSpec tenant) {
        return Map.of("retired", "the instance refresh replaced every instance of the previous release");
    }

    private String refresh(TenantSpec tenant, long version) throws InterruptedException {
        return rollout(tenant).refresh(stacks.of(tenant.id()).text("asg_name"), launchTemplate(tenant), version,
                message -> progress.report(tenant.id(), message));
    }

    private long versionOf(TenantSpec tenant, String description) {
        return rollout(tenant).findTemplateVersion(launchTemplate(tenant), description).orElseThrow(() -> new IllegalStateException(
                "the launch template of tenant " + tenant.id() + " has no version '" + description + "'"));
    }

    private String launchTemplate(TenantSpec tenant) {
        return stacks.of(tenant.id()).text("launch_template_id");
    }

    private String releaseBucket(String region) {
        return config.aws().releaseBucket().orElseThrow(() -> new IllegalStateException("undersign.aws.release-bucket is not set"))
                .replace("{region}", region);
    }

    private RuntimeRollout rollout(TenantSpec tenant) {
        return RuntimeRollouts.of(clients, config, tenant.region());
    }
}
