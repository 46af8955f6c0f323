package io.undersign.infra;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateIamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import java.util.List;
import software.constructs.Construct;

/**
 * The runtime's instances: an auto-scaling group over both zones' private subnets, registered in
 * both target groups and replaced when their health check fails; a launch template (IMDSv2 only)
 * whose instance profile may read this tenant's SSM parameters and secrets, the platform's
 * release objects, and write its log group, nothing else. The stack's template version boots the
 * image's own build; releases add versions of their own (the control plane's RuntimeRollout).
 */
public class SiloCompute extends Construct {
    private final AutoscalingGroup group;
    private final LaunchTemplate template;
    private final CloudwatchLogGroup logs;

    public SiloCompute(Construct scope, String id, TenantSiloSpec spec, SiloNetwork network, SiloSecurityGroups groups,
            SiloEdge edge, SiloKeys keys) {
        super(scope, id);
        String name = "undersign-" + spec.tenantId();
        logs = CloudwatchLogGroup.Builder.create(this, "logs").name("/undersign/" + spec.tenantId() + "/runtime")
                .retentionInDays(90).build();
        DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
        String arnTail = spec.region() + ":" + account.getAccountId();
        InstanceRole role = new InstanceRole(this, "runtime-role", name + "-runtime", List.of(
                InstanceRole.allow("ReadOwnParameters", List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"),
                        List.of("arn:aws:ssm:" + arnTail + ":parameter" + spec.parameterPath() + "*")),
                // its own database user's and broker user's secrets; never the RDS master user's
                InstanceRole.allow("ReadOwnSecrets", List.of("secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:" + arnTail + ":secret:" + spec.secretPrefix() + "*")),
                // the release artifacts and rulebooks its launch template names, checked by hash at boot
                InstanceRole.allow("ReadReleases", List.of("s3:GetObject"), List.of("arn:aws:s3:::" + spec.releaseBucket() + "/releases/*",
                        "arn:aws:s3:::" + spec.releaseBucket() + "/rulebooks/*")),
                InstanceRole.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getArn() + ":*")),
                // its keysets open with the silo's root key, through KMS only
                InstanceRole.allow("UseOwnRootKey", List.of("kms:Encrypt", "kms:Decrypt"), List.of(keys.root().getArn()))));
        template = LaunchTemplate.Builder.create(this, "template").namePrefix(name + "-").imageId(spec.runtimeImageId())
                .instanceType(spec.instanceType()).vpcSecurityGroupIds(List.of(groups.runtime().getId()))
                .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(role.profile().getArn()).build())
                .metadataOptions(LaunchTemplateMetadataOptions.builder().httpEndpoint("enabled").httpTokens("required")
                        .httpPutResponseHopLimit(1).build())
                .userData(Fn.base64encode(userData(spec))).updateDefaultVersion(true).build();
        group = AutoscalingGroup.Builder.create(this, "asg").name(name).minSize(spec.minInstances()).maxSize(spec.maxInstances())
                .desiredCapacity(spec.minInstances()).vpcZoneIdentifier(network.privateSubnetIds())
                .targetGroupArns(List.of(edge.interviewTargets().getArn(), edge.apiTargets().getArn()))
                .healthCheckType("ELB").healthCheckGracePeriod(180)
                .launchTemplate(AutoscalingGroupLaunchTemplate.builder().id(template.getId()).version("$Default").build())
                // each instance refresh names the launch template version of the release it rolls out and leaves the
                // group on it; a later apply must not take the group back to this stack's version
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("launch_template")).build())
                .build();
    }

    /** The image carries the runtime; at boot it takes this tenant's configuration from SSM. */
    private static String userData(TenantSiloSpec spec) {
        return """
                #!/bin/bash
                set -euo pipefail
                /opt/undersign/bin/fetch-config --region %s --path %s --out /etc/undersign/runtime.env
                systemctl enable --now undersign-runtime
                """.formatted(spec.region(), spec.parameterPath());
    }

    public AutoscalingGroup group() {
        return group;
    }

    public LaunchTemplate template() {
        return template;
    }

    public CloudwatchLogGroup logs() {
        return logs;
    }
}
