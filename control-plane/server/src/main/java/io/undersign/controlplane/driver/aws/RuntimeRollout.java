package io.undersign.controlplane.driver.aws;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Rolls a tenant's runtime out on AWS: its configuration to SSM Parameter Store (names and
 * secret ARNs only; values of secrets stay in Secrets Manager), a new launch template version
 * marked with the release, then an instance refresh of its auto-scaling group, followed until it
 * ends; a failed refresh reports AWS's status reason.
 */
public final class RuntimeRollout {
    private static final List<InstanceRefreshStatus> DONE_BADLY = List.of(InstanceRefreshStatus.FAILED, InstanceRefreshStatus.CANCELLED,
            InstanceRefreshStatus.ROLLBACK_SUCCESSFUL, InstanceRefreshStatus.ROLLBACK_FAILED);

    private final AwsClients.Regional aws;
    private final Duration pollInterval;
    private final Duration timeout;

    public RuntimeRollout(AwsClients.Regional aws, Duration pollInterval, Duration timeout) {
        this.aws = aws;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Writes every parameter under {@code path} (overwriting: repeating is harmless). */
    public void configure(String path, Map<String, String> parameters) {
        parameters.forEach((name, value) -> aws.ssm().putParameter(r -> r.name(path + name).value(value)
                .type(ParameterType.STRING).overwrite(true)));
    }

    /** A new launch template version (from the latest) tagged with the release; returns its number. */
    public long newTemplateVersion(String launchTemplateId, String release) {
        return aws.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(launchTemplateId).sourceVersion("$Latest")
                .versionDescription("undersign release " + release)
                .launchTemplateData(d -> d.tagSpecifications(t -> t.resourceType("instance")
                        .tags(tag -> tag.key("undersign:release").value(release)))))
                .launchTemplateVersion().versionNumber();
    }

    /**
     * Replaces the group's instances, half at a time; joins a refresh already running (a retried
     * step) instead of failing. Returns the refresh id once it succeeded.
     */
    public String refresh(String group, Consumer<String> progress) throws InterruptedException {
        String id;
        try {
            id = aws.autoScaling().startInstanceRefresh(r -> r.autoScalingGroupName(group)
                    .preferences(p -> p.minHealthyPercentage(50).instanceWarmup(120).skipMatching(false))).instanceRefreshId();
        } catch (InstanceRefreshInProgressException running) {
            id = latest(group).instanceRefreshId();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            InstanceRefresh refresh = describe(group, id);
            InstanceRefreshStatus status = refresh.status();
            progress.accept("instance refresh " + id + ": " + refresh.statusAsString()
                    + (refresh.percentageComplete() == null ? "" : ", " + refresh.percentageComplete() + "% done")
                    + (refresh.instancesToUpdate() == null ? "" : ", " + refresh.instancesToUpdate() + " to update"));
            if (status == InstanceRefreshStatus.SUCCESSFUL) {
                return id;
            }
            if (DONE_BADLY.contains(status)) {
                throw new IllegalStateException("instance refresh " + id + " of " + group + " ended " + refresh.statusAsString()
                        + ": " + refresh.statusReason());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("instance refresh " + id + " of " + group + " still " + refresh.statusAsString()
                        + " after " + timeout.toMinutes() + " minutes");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** Takes the group to no instances (offboarding, or a stopped tenant). */
    public void stop(String group) {
        aws.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(group).minSize(0).desiredCapacity(0));
    }

    private InstanceRefresh describe(String group, String id) {
        return aws.autoScaling().describeInstanceRefreshes(r -> r.autoScalingGroupName(group).instanceRefreshIds(id))
                .instanceRefreshes().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("instance refresh " + id + " of " + group + " is unknown"));
    }

    private InstanceRefresh latest(String group) {
        return aws.autoScaling().describeInstanceRefreshes(r -> r.autoScalingGroupName(group).maxRecords(1))
                .instanceRefreshes().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance refresh of " + group + " to join"));
    }

    /** The parameters a runtime reads at boot. */
    public static Map<String, String> runtimeParameters(String tenantId, String displayName, String colour, String apiUrl,
            String jdbcUrl, String dbSecret, String brokerUrl, String brokerSecret, String release) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tenant-id", tenantId);
        p.put("display-name", displayName);
        if (colour != null) {
            p.put("primary-colour", colour);
        }
        p.put("api-url", apiUrl);
        p.put("db-url", jdbcUrl);
        p.put("db-secret", dbSecret);
        p.put("broker-url", brokerUrl);
        p.put("broker-secret", brokerSecret);
        p.put("release", release);
        return p;
    }
}
