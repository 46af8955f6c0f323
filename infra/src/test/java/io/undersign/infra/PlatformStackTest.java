package io.undersign.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared platform: zone, Transit Gateway with central egress, on-call topic, the control plane's hosting. */
class PlatformStackTest {
    private static JsonNode platform;

    @BeforeAll
    static void synthesize() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "cdktf.out");
        Synth.synth(new PlatformSpec("eu-west-2", "undersign.example", "10.0.0.0/16", "10.32.0.0/11", "ami-0abcdef1234567890", null,
                "undersign-terraform-state", "undersign-terraform-locks", "undersign-trust-stores-eu-west-2",
                "undersign-releases-eu-west-2"), List.of(), out);
        platform = new ObjectMapper().readTree(out.resolve("stacks/platform/cdk.tf.json").toFile());
    }

    @Test
    void egressIsCentralisedThroughTheTransitGateway() {
        assertThat(resources("aws_nat_gateway")).hasSize(2);
        assertThat(one("aws_ec2_transit_gateway_route").get("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0");
        assertThat(one("aws_ec2_transit_gateway_vpc_attachment").get("subnet_ids")).hasSize(2);
        assertThat(resources("aws_route")).anySatisfy(r -> {
            assertThat(r.get("destination_cidr_block").asText()).isEqualTo("10.32.0.0/11");
            assertThat(r.get("transit_gateway_id").asText()).contains("aws_ec2_transit_gateway.tgw");
        });
    }

    @Test
    void zoneTopicAndOutputsTheSilosNeed() {
        assertThat(one("aws_route53_zone").get("name").asText()).isEqualTo("undersign.example");
        assertThat(resources("aws_sns_topic")).extracting(t -> t.get("name").asText())
                .containsExactlyInAnyOrder("undersign-oncall", "undersign-oncall-sms", "undersign-oncall-inbound");
        assertThat(platform.at("/output").fieldNames()).toIterable()
                .contains("hosted_zone_id", "transit_gateway_id", "oncall_topic_arn", "name_servers", "oncall_sms_topic_arn", "oncall_inbound_topic_arn");
        assertThat(platform.at("/terraform/backend/s3/key").asText()).isEqualTo("platform/terraform.tfstate");
    }

    @Test
    void theControlPlaneIsReachableOnlyBySnsDeliveriesThroughItsBalancerAndHasAScopedRole() {
        List<JsonNode> ingress = resources("aws_vpc_security_group_ingress_rule");
        assertThat(ingress).hasSize(2);
        assertThat(ingress).anySatisfy(r -> {
            assertThat(r.get("security_group_id").asText()).contains("control-plane-sg");
            assertThat(r.get("referenced_security_group_id").asText()).contains("balancer-sg");
            assertThat(r.get("from_port").asInt()).isEqualTo(8080);
            assertThat(r.has("cidr_ipv4")).isFalse();
        });
        assertThat(ingress).anySatisfy(r -> {
            assertThat(r.get("security_group_id").asText()).contains("balancer-sg");
            assertThat(r.get("from_port").asInt()).isEqualTo(443);
        });
        JsonNode listener = resources("aws_lb_listener").get(0);
        assertThat(listener.at("/default_action/0/type").asText()).isEqualTo("fixed-response");
        assertThat(listener.at("/default_action/0/fixed_response/status_code").asText()).isEqualTo("404");
        assertThat(listener.get("ssl_policy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
        JsonNode rule = one("aws_lb_listener_rule");
        assertThat(rule.toString()).contains("/api/v1/oncall/sns").contains("\"POST\"");
        JsonNode subscription = one("aws_sns_topic_subscription");
        assertThat(subscription.get("protocol").asText()).isEqualTo("https");
        assertThat(subscription.get("endpoint").asText()).isEqualTo("https://oncall.undersign.example/api/v1/oncall/sns");
        assertThat(subscription.get("topic_arn").asText()).contains("inbound");
        assertThat(one("aws_sns_topic_policy").get("policy").asText()).contains("sms-voice.amazonaws.com").contains("aws:SourceAccount");
        assertThat(one("aws_autoscaling_group").get("max_size").asInt()).isEqualTo(1);
        List<String> actions = actions(document("control-plane-role_permissions"));
        // every AWS call the control plane's drivers make with this role
        assertThat(actions).contains("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:GetChange",
                "ssm:PutParameter", "secretsmanager:CreateSecret", "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                "secretsmanager:GetRandomPassword", "secretsmanager:DeleteSecret", "ec2:CreateLaunchTemplateVersion",
                "autoscaling:StartInstanceRefresh", "autoscaling:DescribeInstanceRefreshes", "autoscaling:UpdateAutoScalingGroup",
                "elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddTrustStoreRevocations",
                "elasticloadbalancing:RemoveTrustStoreRevocations", "elasticloadbalancing:DescribeTrustStoreRevocations",
                "rds:CreateDBSnapshot", "rds:DescribeDBSnapshots", "cloudwatch:GetMetricData", "s3:PutObject", "s3:ListBucket",
                "s3:DeleteObject", "sts:AssumeRole", "ec2:DescribeLaunchTemplateVersions", "autoscaling:CancelInstanceRefresh",
                "s3:GetObject", "sns:Subscribe", "sns:Unsubscribe", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:ConfirmSubscription",
                "connect:StartOutboundVoiceContact", "cloudwatch:GetMetricStatistics");
        assertThat(actions).contains("route53:ChangeResourceRecordSets", "autoscaling:StartInstanceRefresh", "ssm:PutParameter",
                        "s3:PutObject", "elasticloadbalancing:AddTrustStoreRevocations")
                .noneMatch(a -> a.endsWith(":*") || a.equals("*"));
    }

    @Test
    void clientCasAndReleasesLiveInPrivateEncryptedVersionedBuckets() {
        assertThat(resources("aws_s3_bucket")).extracting(b -> b.get("bucket").asText())
                .containsExactlyInAnyOrder("undersign-trust-stores-eu-west-2", "undersign-releases-eu-west-2");
        assertThat(resources("aws_s3_bucket_public_access_block")).hasSize(2).allSatisfy(block ->
                assertThat(List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"))
                        .allSatisfy(f -> assertThat(block.get(f).asBoolean()).as(f).isTrue()));
        assertThat(resources("aws_s3_bucket_server_side_encryption_configuration")).hasSize(2)
                .allSatisfy(e -> assertThat(e.findValue("sse_algorithm").asText()).isEqualTo("AES256"));
        assertThat(resources("aws_s3_bucket_versioning")).hasSize(2)
                .allSatisfy(v -> assertThat(v.at("/versioning_configuration/status").asText()).isEqualTo("Enabled"));
    }

    @Test
    void terraformBuildsSilosAsAProvisionerOnlyTheControlPlaneMayBecome() {
        JsonNode trust = document("provisioner_assume");
        assertThat(trust.at("/statement/0/actions/0").asText()).isEqualTo("sts:AssumeRole");
        assertThat(trust.at("/statement/0/principals/0/identifiers/0").asText()).matches("\\$\\{aws_iam_role\\.control-plane-role_[A-Z0-9]+\\.arn}");
        JsonNode permissions = document("provisioner_permissions");
        assertThat(actions(permissions)).contains("ec2:*", "elasticloadbalancing:*", "rds:*", "mq:*", "iam:PassRole")
                .noneMatch(a -> a.equals("*") || a.equals("iam:*") || a.startsWith("sts:") || a.startsWith("s3:Put"));
        permissions.get("statement").forEach(statement -> {
            boolean iam = statement.get("actions").toString().contains("\"iam:");
            if (iam && !statement.get("actions").toString().contains("iam:CreateServiceLinkedRole")) {
                assertThat(statement.get("resources")).as("IAM only over silos' runtime roles")
                        .allSatisfy(r -> assertThat(r.asText()).endsWith("-runtime"));
            }
        });
        assertThat(actions(document("control-plane-role_permissions"))).contains("sts:AssumeRole");
        assertThat(platform.at("/output/provisioner_role_arn/value").asText()).contains("aws_iam_role.provisioner_role");
    }

    private static List<String> actions(JsonNode document) {
        List<String> actions = new ArrayList<>();
        document.get("statement").forEach(s -> s.get("actions").forEach(a -> actions.add(a.asText())));
        return actions;
    }

    private static JsonNode document(String id) {
        JsonNode docs = platform.at("/data/aws_iam_policy_document");
        java.util.Iterator<String> names = docs.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith(id)) {
                return docs.get(name);
            }
        }
        throw new AssertionError("no policy document " + id);
    }

    private static JsonNode one(String type) {
        List<JsonNode> found = resources(type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> resources(String type) {
        List<JsonNode> out = new ArrayList<>();
        platform.at("/resource/" + type).elements().forEachRemaining(out::add);
        return out;
    }
}
