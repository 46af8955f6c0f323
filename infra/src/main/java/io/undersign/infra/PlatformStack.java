package io.undersign.infra;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.ec2_transit_gateway.Ec2TransitGateway;
import com.hashicorp.cdktf.providers.aws.ec2_transit_gateway_route.Ec2TransitGatewayRoute;
import com.hashicorp.cdktf.providers.aws.ec2_transit_gateway_vpc_attachment.Ec2TransitGatewayVpcAttachment;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateIamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53Zone;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * What all silos share: the hosted zone, the Transit Gateway with one centralised egress VPC
 * (NAT per zone there, none in any tenant), the on-call alarm topic, and the control plane's own
 * instance, whose role may manage tenant DNS records, configuration, secrets and instance
 * refreshes, the Terraform state, and the tenants' client CAs and revocation lists (the private
 * bucket the API load balancers' trust stores read); Terraform builds silos as a separate
 * provisioner role that only the control plane may assume.
 */
public class PlatformStack extends TerraformStack {

    public PlatformStack(Construct scope, PlatformSpec spec) {
        super(scope, "platform");
        AwsProvider.Builder.create(this, "aws").region(spec.region()).defaultTags(List.of(AwsProviderDefaultTags.builder()
                .tags(Map.of("undersign:managed-by", "undersign-platform")).build())).build();
        S3Backend.Builder.create(this).bucket(spec.stateBucket()).key("platform/terraform.tfstate").region(spec.region())
                .encrypt(true).dynamodbTable(spec.stateLockTable()).build();
        Route53Zone zone = Route53Zone.Builder.create(this, "zone").name(spec.zoneName()).build();
        SnsTopic oncall = SnsTopic.Builder.create(this, "oncall").name("undersign-oncall").kmsMasterKeyId("alias/aws/sns").build();
        Ec2TransitGateway tgw = Ec2TransitGateway.Builder.create(this, "tgw").description("Undersign silos to central egress")
                .defaultRouteTableAssociation("enable").defaultRouteTablePropagation("enable").autoAcceptSharedAttachments("enable")
                .build();

        Vpc egress = Vpc.Builder.create(this, "egress").cidrBlock(spec.egressCidr()).enableDnsHostnames(true)
                .tags(Map.of("Name", "undersign-egress")).build();
        DataAwsAvailabilityZones zones = DataAwsAvailabilityZones.Builder.create(this, "zones").state("available").build();
        InternetGateway igw = InternetGateway.Builder.create(this, "igw").vpcId(egress.getId()).build();
        RouteTable publicRoutes = RouteTable.Builder.create(this, "public-routes").vpcId(egress.getId()).build();
        Route.Builder.create(this, "public-default").routeTableId(publicRoutes.getId()).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.getId()).build();
        List<String> transitSubnets = new ArrayList<>();
        List<String> publicSubnets = new ArrayList<>();
        List<RouteTable> transitRoutes = new ArrayList<>();
        List<String> cidrs = spec.subnetCidrs();
        for (int az = 0; az < 2; az++) {
            String zoneName = Token.asString(Fn.element(zones.getNames(), az));
            Subnet natSubnet = Subnet.Builder.create(this, "nat-" + az).vpcId(egress.getId()).cidrBlock(cidrs.get(az))
                    .availabilityZone(zoneName).build();
            publicSubnets.add(natSubnet.getId());
            RouteTableAssociation.Builder.create(this, "nat-" + az + "-routes").subnetId(natSubnet.getId())
                    .routeTableId(publicRoutes.getId()).build();
            Eip address = Eip.Builder.create(this, "nat-" + az + "-ip").domain("vpc").build();
            NatGateway nat = NatGateway.Builder.create(this, "nat-" + az + "-gw").subnetId(natSubnet.getId())
                    .allocationId(address.getId()).build();
            Subnet transit = Subnet.Builder.create(this, "transit-" + az).vpcId(egress.getId()).cidrBlock(cidrs.get(2 + az))
                    .availabilityZone(zoneName).build();
            RouteTable routes = RouteTable.Builder.create(this, "transit-" + az + "-routes").vpcId(egress.getId()).build();
            Route.Builder.create(this, "transit-" + az + "-default").routeTableId(routes.getId()).destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(nat.getId()).build();
            RouteTableAssociation.Builder.create(this, "transit-" + az + "-assoc").subnetId(transit.getId())
                    .routeTableId(routes.getId()).build();
            transitSubnets.add(transit.getId());
            transitRoutes.add(routes);
        }
        Ec2TransitGatewayVpcAttachment attachment = Ec2TransitGatewayVpcAttachment.Builder.create(this, "egress-attachment")
                .transitGatewayId(tgw.getId()).vpcId(egress.getId()).subnetIds(transitSubnets).build();
        // silos' default route ends at the egress VPC; replies to tenants go back through the TGW
        Ec2TransitGatewayRoute.Builder.create(this, "tgw-default").transitGatewayRouteTableId(tgw.getAssociationDefaultRouteTableId())
                .destinationCidrBlock("0.0.0.0/0").transitGatewayAttachmentId(attachment.getId()).build();
        Route.Builder.create(this, "public-to-tenants").routeTableId(publicRoutes.getId()).destinationCidrBlock(spec.tenantSupernet())
                .transitGatewayId(tgw.getId()).dependsOn(List.of(attachment)).build();

        privateBucket("trust-stores", spec.trustStoreBucket());
        privateBucket("releases", spec.releaseBucket());
        controlPlane(spec, egress, transitSubnets, publicSubnets, zone);
        TerraformOutput.Builder.create(this, "hosted_zone_id").value(zone.getZoneId()).build();
        TerraformOutput.Builder.create(this, "name_servers").value(zone.getNameServers()).build();
        TerraformOutput.Builder.create(this, "transit_gateway_id").value(tgw.getId()).build();
        TerraformOutput.Builder.create(this, "oncall_topic_arn").value(oncall.getArn()).build();
    }

    /**
     * Private, encrypted with S3-managed keys (load balancers and instances read them through
     * their roles), versioned: a replaced client CA or release object can still be told apart.
     */
    private void privateBucket(String id, String name) {
        S3Bucket bucket = S3Bucket.Builder.create(this, id).bucket(name).build();
        S3BucketPublicAccessBlock.Builder.create(this, id + "-private").bucket(bucket.getId()).blockPublicAcls(true)
                .blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true).build();
        S3BucketServerSideEncryptionConfigurationA.Builder.create(this, id + "-encrypted").bucket(bucket.getId())
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder().applyServerSideEncryptionByDefault(
                        S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                .sseAlgorithm("AES256").build()).build()))
                .build();
        S3BucketVersioningA.Builder.create(this, id + "-versioned").bucket(bucket.getId())
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build()).build();
    }

    private void controlPlane(PlatformSpec spec, Vpc vpc, List<String> subnets, List<String> publicSubnets, Route53Zone zone) {
        DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
        String arnTail = spec.region() + ":" + account.getAccountId();
        PlatformOncall oncall = new PlatformOncall(this, "oncall-paging", spec, account.getAccountId(), zone, vpc, publicSubnets);
        InstanceRole role = new InstanceRole(this, "control-plane-role", "undersign-control-plane", List.of(
                InstanceRole.allow("TenantDnsRecords", List.of("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"),
                        List.of(zone.getArn())),
                InstanceRole.allow("DnsChangeStatus", List.of("route53:GetChange"), List.of("arn:aws:route53:::change/*")),
                InstanceRole.allow("TenantConfiguration", List.of("ssm:PutParameter", "ssm:GetParametersByPath", "ssm:DeleteParameters"),
                        List.of("arn:aws:ssm:" + arnTail + ":parameter/undersign/*")),
                InstanceRole.allow("TenantSecrets", List.of("secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
                        "secretsmanager:DescribeSecret", "secretsmanager:DeleteSecret", "secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:" + arnTail + ":secret:undersign/*")),
                // silos' RDS-managed master users: read only to make each tenant's own database user
                InstanceRole.allow("SiloDatabaseMasters", List.of("secretsmanager:GetSecretValue"),
                        List.of("arn:aws:secretsmanager:" + arnTail + ":secret:rds!db-*")),
                InstanceRole.allow("GeneratedPasswords", List.of("secretsmanager:GetRandomPassword"), List.of("*")),
                InstanceRole.allow("RuntimeRollouts", List.of("autoscaling:StartInstanceRefresh", "autoscaling:DescribeInstanceRefreshes",
                        "autoscaling:CancelInstanceRefresh", "ec2:CreateLaunchTemplateVersion", "ec2:DescribeLaunchTemplateVersions"),
                        List.of("*")),
                // release artifacts and rulebooks by content hash: written once, never deleted by the control plane
                InstanceRole.allow("ReleaseObjects", List.of("s3:PutObject", "s3:GetObject", "s3:ListBucket"),
                        List.of("arn:aws:s3:::" + spec.releaseBucket(), "arn:aws:s3:::" + spec.releaseBucket() + "/releases/*",
                                "arn:aws:s3:::" + spec.releaseBucket() + "/rulebooks/*")),
                // stopping a runtime, suspending at the load balancers, the offboarding snapshot, queue depth
                InstanceRole.allow("RuntimeStops", List.of("autoscaling:UpdateAutoScalingGroup"),
                        List.of("arn:aws:autoscaling:" + arnTail + ":autoScalingGroup:*:autoScalingGroupName/undersign-*")),
                InstanceRole.allow("TrafficSwitch", List.of("elasticloadbalancing:ModifyListener"),
                        List.of("arn:aws:elasticloadbalancing:" + arnTail + ":listener/*/us-*")),
                InstanceRole.allow("OffboardingSnapshots", List.of("rds:CreateDBSnapshot"),
                        List.of("arn:aws:rds:" + arnTail + ":db:undersign-*", "arn:aws:rds:" + arnTail + ":snapshot:undersign-*")),
                InstanceRole.allow("ReadOnlyChecks", List.of("rds:DescribeDBSnapshots", "cloudwatch:GetMetricData",
                        "cloudwatch:GetMetricStatistics"), List.of("*")),
                // paging: the P2 topic's subscriptions follow the rota; the inbound topic's one subscription is confirmed by us
                InstanceRole.allow("OncallTexts", List.of("sns:Subscribe", "sns:Unsubscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"),
                        List.of(oncall.sms().getArn())),
                InstanceRole.allow("OncallInbound", List.of("sns:ConfirmSubscription"), List.of(oncall.inbound().getArn())),
                InstanceRole.allow("OncallCalls", List.of("connect:StartOutboundVoiceContact"),
                        List.of("arn:aws:connect:" + arnTail + ":instance/*/contact/*")),
                InstanceRole.allow("TerraformState", List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
                        List.of("arn:aws:s3:::" + spec.stateBucket(), "arn:aws:s3:::" + spec.stateBucket() + "/*")),
                InstanceRole.allow("ClientTrustFiles", List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:ListBucket"),
                        List.of("arn:aws:s3:::" + spec.trustStoreBucket(), "arn:aws:s3:::" + spec.trustStoreBucket() + "/tenants/*")),
                InstanceRole.allow("ClientRevocations", List.of("elasticloadbalancing:AddTrustStoreRevocations",
                        "elasticloadbalancing:RemoveTrustStoreRevocations", "elasticloadbalancing:DescribeTrustStoreRevocations"),
                        List.of("arn:aws:elasticloadbalancing:" + arnTail + ":truststore/us-*")),
                // Terraform builds silos as the provisioner; the control plane's own calls stay within this role
                InstanceRole.allow("ProvisionSilos", List.of("sts:AssumeRole"),
                        List.of("arn:aws:iam::" + account.getAccountId() + ":role/" + ProvisionerRole.NAME)),
                InstanceRole.allow("TerraformLocks", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"),
                        List.of("arn:aws:dynamodb:" + arnTail + ":table/" + spec.stateLockTable()))));
        ProvisionerRole provisioner = new ProvisionerRole(this, "provisioner", role.role().getArn(), account.getAccountId(),
                spec.trustStoreBucket(), zone.getArn());
        TerraformOutput.Builder.create(this, "provisioner_role_arn").value(provisioner.role().getArn()).build();
        SecurityGroup group = SecurityGroup.Builder.create(this, "control-plane-sg").name("undersign-control-plane")
                .description("Control plane: inbound only from the on-call balancer (operators use SSM Session Manager); HTTPS out").vpcId(vpc.getId()).build();
        oncall.admitTo(group);
        VpcSecurityGroupEgressRule.Builder.create(this, "control-plane-https-out").securityGroupId(group.getId())
                .cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(443).toPort(443).build();
        LaunchTemplate template = LaunchTemplate.Builder.create(this, "control-plane-template").namePrefix("undersign-control-plane-")
                .imageId(spec.controlPlaneImageId()).instanceType(spec.controlPlaneInstanceType())
                .vpcSecurityGroupIds(List.of(group.getId()))
                .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(role.profile().getArn()).build())
                .metadataOptions(LaunchTemplateMetadataOptions.builder().httpEndpoint("enabled").httpTokens("required").build())
                .updateDefaultVersion(true).build();
        AutoscalingGroup.Builder.create(this, "control-plane").name("undersign-control-plane").minSize(1).maxSize(1)
                .vpcZoneIdentifier(subnets).healthCheckType("EC2").targetGroupArns(List.of(oncall.targets().getArn()))
                .launchTemplate(AutoscalingGroupLaunchTemplate.builder().id(template.getId()).version("$Latest").build()).build();
    }
}
