package io.undersign.controlplane.driver.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.autoscaling.model.ActiveInstanceRefreshNotFoundException;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Rolls a tenant's runtime out on AWS: its configuration to SSM Parameter Store (names and
 * secret ARNs only; values of secrets stay in Secrets Manager), a launch template version per
 * release, then an instance refresh of its auto-scaling group to that version at 100% healthy
 * capacity, followed until it ends; a failed refresh reports AWS's status reason.
 */
public final class RuntimeRollout {
    private static final List<InstanceRefreshStatus> DONE_BADLY = List.of(InstanceRefreshStatus.FAILED, InstanceRefreshStatus.CANCELLED,
            InstanceRefreshStatus.ROLLBACK_SUCCESSFUL, InstanceRefreshStatus.ROLLBACK_FAILED);

    private final AwsClients.Regional aws;
    private final Duration pollInterval;
    private final Duration timeout;
    private final RefreshPreferences preferences;

    public RuntimeRollout(AwsClients.Regional aws, Duration pollInterval, Duration timeout, RefreshPreferences preferences) {
        this.aws = aws;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.preferences = preferences;
    }

    /** Writes every parameter under {@code path} (overwriting: repeating is harmless). */
    public void configure(String path, Map<String, String> parameters) {
        parameters.forEach((name, value) -> aws.ssm().putParameter(r -> r.name(path + name).value(value)
                .type(ParameterType.STRING).overwrite(true)));
    }

    /** How a refresh replaces instances: never below 100% healthy, new ones launched first. */
    public record RefreshPreferences(List<Integer> checkpoints, Duration checkpointDelay, Duration instanceWarmup) {
    }

    /** The launch template version of a release's runtime (one per release, found again on a retry). */
    public static String releaseDescription(String release) {
        return "undersign release " + release;
    }

    /** The version that boots the image's own build (a tenant on no release yet). */
    public static String imageDescription(String imageRelease) {
        return "undersign image build " + imageRelease;
    }

    /**
     * The launch template version described {@code description}, made on first call from the
     * stack's default version with {@code userData} (base64 here) when given and the release
     * tagged on its instances. Not made the default: only a refresh that names it launches it.
     */
    public long templateVersion(String launchTemplateId, String description, String release, Optional<String> userData) {
        Optional<Long> existing = findTemplateVersion(launchTemplateId, description);
        if (existing.isPresent()) {
            return existing.get();
        }
        return aws.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(launchTemplateId).sourceVersion("$Default")
                .versionDescription(description)
                .launchTemplateData(d -> {
                    d.tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("undersign:release").value(release)));
                    userData.ifPresent(script -> d.userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8))));
                }))
                .launchTemplateVersion().versionNumber();
    }

    /** The newest version described {@code description}, if any. */
    public Optional<Long> findTemplateVersion(String launchTemplateId, String description) {
        return aws.ec2().describeLaunchTemplateVersionsPaginator(r -> r.launchTemplateId(launchTemplateId).maxResults(200))
                .launchTemplateVersions().stream()
                .filter(v -> description.equals(v.versionDescription()))
                .map(LaunchTemplateVersion::versionNumber)
                .max(Long::compare);
    }

    /**
     * Replaces the group's instances with launch template version {@code version}: launched
     * before the old ones go (max 200%, min healthy 100%), pausing at each checkpoint, rolled back
     * by AWS if the refresh fails, leaving the group on that version. Instances already on it are
     * kept, so a retried step replaces nothing twice; a refresh already running toward the same
     * version is joined, one toward another is cancelled first. Returns the refresh id once it
     * succeeded.
     */
    public String refresh(String group, String launchTemplateId, long version, Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String id = start(group, launchTemplateId, version, deadline);
        while (true) {
            InstanceRefresh refresh = describe(group, id);
            InstanceRefreshStatus status = refresh.status();
            progress.accept("instance refresh " + id + " to launch template version " + version + ": " + refresh.statusAsString()
                    + (refresh.percentageComplete() == null ? "" : ", " + refresh.percentageComplete() + "% done")
                    + (refresh.instancesToUpdate() == null ? "" : ", " + refresh.instancesToUpdate() + " to update")
                    + (refresh.statusReason() == null || status == InstanceRefreshStatus.SUCCESSFUL ? "" : " (" + refresh.statusReason() + ")"));
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

    private String start(String group, String launchTemplateId, long version, long deadline) throws InterruptedException {
        while (true) {
            try {
                return aws.autoScaling().startInstanceRefresh(r -> r.autoScalingGroupName(group)
                        .desiredConfiguration(c -> c.launchTemplate(t -> t.launchTemplateId(launchTemplateId).version(String.valueOf(version))))
                        .preferences(p -> p.minHealthyPercentage(100).maxHealthyPercentage(200)
                                .instanceWarmup((int) preferences.instanceWarmup().toSeconds()).skipMatching(true).autoRollback(true)
                                .checkpointPercentages(preferences.checkpoints())
                                .checkpointDelay((int) preferences.checkpointDelay().toSeconds())))
                        .instanceRefreshId();
            } catch (InstanceRefreshInProgressException running) {
                InstanceRefresh current = latest(group);
                if (aims(current, version)) {
                    return current.instanceRefreshId();
                }
                // a refresh toward another version (an interrupted upgrade, say): it must not finish after this one
                try {
                    aws.autoScaling().cancelInstanceRefresh(r -> r.autoScalingGroupName(group));
                } catch (ActiveInstanceRefreshNotFoundException ended) {
                    // it ended meanwhile: start again
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("instance refresh " + current.instanceRefreshId() + " of " + group
                            + " toward another version did not stop within " + timeout.toMinutes() + " minutes");
                }
                Thread.sleep(pollInterval.toMillis());
            }
        }
    }

    private static boolean aims(InstanceRefresh refresh, long version) {
        return refresh.desiredConfiguration() != null && refresh.desiredConfiguration().launchTemplate() != null
                && String.valueOf(version).equals(refresh.desiredConfiguration().launchTemplate().version());
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
            String jdbcUrl, String dbSecret, String brokerUrl, String brokerSecret, String release, String rootKeyArn, String keyDatabase) {
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
        // the silo's KMS root key (used through KMS with the instance role) and the key database beside the data
        p.put("root-key-kms-arn", rootKeyArn);
        p.put("key-database", keyDatabase);
        return p;
    }
}
