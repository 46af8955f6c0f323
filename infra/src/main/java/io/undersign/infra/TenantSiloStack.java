package io.undersign.infra;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.guardduty_detector.GuarddutyDetector;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderAssumeRole;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One tenant's silo (DESIGN.md, Infra): network, front doors, runtime instances, database,
 * broker, alarms and threat detection, with its Terraform state under its own key. The outputs
 * are what the control plane's drivers need next (DNS aliases, endpoints, the group to refresh).
 */
public class TenantSiloStack extends TerraformStack {
    static final String AWS_PROVIDER = ">= 5.30.0, < 6.0.0";

    public TenantSiloStack(Construct scope, TenantSiloSpec spec) {
        super(scope, spec.tenantId());
        AwsProvider.Builder provider = AwsProvider.Builder.create(this, "aws").region(spec.region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder()
                        .tags(Map.of("undersign:tenant", spec.tenantId(), "undersign:managed-by", "undersign-control-plane")).build()));
        if (spec.provisionerRoleArn() != null) {
            provider.assumeRole(List.of(AwsProviderAssumeRole.builder().roleArn(spec.provisionerRoleArn())
                    .sessionName("undersign-" + spec.tenantId()).build()));
        }
        provider.build();
        // the bindings pin provider 5.23.1; trust stores and listener mutual TLS need 5.30 or later
        addOverride("terraform.required_providers.aws.version", AWS_PROVIDER);
        S3Backend.Builder.create(this).bucket(spec.stateBucket()).key(spec.stateKey()).region(spec.region()).encrypt(true)
                .dynamodbTable(spec.stateLockTable()).build();
        SiloNetwork network = new SiloNetwork(this, "network", spec);
        SiloSecurityGroups groups = new SiloSecurityGroups(this, "security", spec, network.vpc().getId());
        SiloEdge edge = new SiloEdge(this, "edge", spec, network, groups);
        SiloData data = new SiloData(this, "data", spec, network, groups);
        SiloKeys keys = new SiloKeys(this, "keys", spec);
        SiloCompute compute = new SiloCompute(this, "compute", spec, network, groups, edge, keys);
        new SiloAlarms(this, "alarms", spec, edge, data);
        if (spec.guardDuty()) {
            // one detector per account and region: on when the silo has its own account
            GuarddutyDetector.Builder.create(this, "guardduty").enable(true).findingPublishingFrequency("FIFTEEN_MINUTES").build();
        }
        output("alb_dns_name", edge.alb().getDnsName());
        output("alb_zone_id", edge.alb().getZoneId());
        output("nlb_dns_name", edge.nlb().getDnsName());
        output("nlb_zone_id", edge.nlb().getZoneId());
        output("alb_listener_arn", edge.albListener().getArn());
        output("nlb_listener_arn", edge.nlbListener().getArn());
        output("interview_target_group_arn", edge.interviewTargets().getArn());
        output("api_target_group_arn", edge.apiTargets().getArn());
        output("suspended_target_group_arn", edge.suspendedTargets().getArn());
        output("trust_store_arn", edge.trustStore().getStringAttribute("arn"));
        output("db_endpoint", data.database().getEndpoint());
        output("db_master_secret_arn", data.database().getMasterUserSecret().get(0).getSecretArn());
        output("broker_instances", data.broker().getInstances()); // active and standby, each with its endpoints
        output("asg_name", compute.group().getName());
        output("launch_template_id", compute.template().getId());
        output("log_group", compute.logs().getName());
        output("vpc_id", network.vpc().getId());
        output("root_key_arn", keys.root().getArn());
    }

    private void output(String name, Object value) {
        TerraformOutput.Builder.create(this, name).value(value).build();
    }
}
