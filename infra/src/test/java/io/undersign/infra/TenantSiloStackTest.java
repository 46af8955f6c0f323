package io.undersign.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthesized Terraform JSON of a tenant silo: every resource the design names, with its security-relevant settings. */
class TenantSiloStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/acme.cdk.tf.json");
    static final String TOPIC = "arn:aws:sns:eu-west-2:111122223333:undersign-oncall";
    static final String TRUST_BUCKET = "undersign-trust-stores-eu-west-2";
    static final String RELEASE_BUCKET = "undersign-releases-eu-west-2";
    static final String PROVISIONER = "arn:aws:iam::111122223333:role/undersign-provisioner";

    private static JsonNode acme;
    private static JsonNode strict;

    static TenantSiloSpec spec(String tenant, String cidr, String tlsPolicy) {
        return new TenantSiloSpec(tenant, "eu-west-2", "undersign.example", "Z0123456789ABCDEF", null, cidr, tlsPolicy,
                "ami-0abcdef1234567890", null, 0, 0, null, 0, null, "tgw-0123456789abcdef0", TOPIC,
                "undersign-terraform-state", "undersign-terraform-locks", TRUST_BUCKET, RELEASE_BUCKET, PROVISIONER, true, false);
    }

    @BeforeAll
    static void synthesize() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "cdktf.out");
        Synth.synth(List.of(spec("acme", "10.42.0.0/16", null), spec("strict", "10.43.0.0/16", "ELBSecurityPolicy-TLS13-1-3-2021-06")), out);
        acme = JSON.readTree(out.resolve("stacks/acme/cdk.tf.json").toFile());
        strict = JSON.readTree(out.resolve("stacks/strict/cdk.tf.json").toFile());
    }

    @Test
    void networkSpansTwoZonesAndLeavesThroughTheTransitGatewayOnly() {
        assertThat(one(acme, "aws_vpc").get("cidr_block").asText()).isEqualTo("10.42.0.0/16");
        List<JsonNode> subnets = all(acme, "aws_subnet");
        assertThat(subnets).extracting(s -> s.get("cidr_block").asText())
                .containsExactlyInAnyOrder("10.42.0.0/20", "10.42.16.0/20", "10.42.128.0/20", "10.42.144.0/20");
        assertThat(subnets).allSatisfy(s -> assertThat(s.get("map_public_ip_on_launch").asBoolean()).isFalse());
        assertThat(one(acme, "aws_ec2_transit_gateway_vpc_attachment").get("transit_gateway_id").asText()).isEqualTo("tgw-0123456789abcdef0");
        assertThat(acme.at("/resource/aws_nat_gateway").isMissingNode()).as("no NAT gateway per tenant").isTrue();
        assertThat(all(acme, "aws_route")).anySatisfy(r -> assertThat(r.get("transit_gateway_id").asText()).isEqualTo("tgw-0123456789abcdef0"));
    }

    @Test
    void theSiloHasARootKeyInKmsThatOnlyItsRuntimeMayUse() {
        JsonNode key = one(acme, "aws_kms_key");
        assertThat(key.get("enable_key_rotation").asBoolean()).isTrue();
        assertThat(key.get("deletion_window_in_days").asInt()).as("the longest waiting period before deletion").isEqualTo(30);
        assertThat(one(acme, "aws_kms_alias").get("name").asText()).isEqualTo("alias/undersign-acme-root");
        assertThat(acme.at("/output").toString()).contains("root_key_arn");
        assertThat(acme.at("/data/aws_iam_policy_document").toString()).contains("kms:Decrypt").contains("UseOwnRootKey");
    }

    @Test
    void onlyTheTwoListenersAreOpenToTheInternet() {
        List<JsonNode> open = all(acme, "aws_vpc_security_group_ingress_rule").stream()
                .filter(r -> r.has("cidr_ipv4") && r.get("cidr_ipv4").asText().equals("0.0.0.0/0")).toList();
        assertThat(open).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("from_port").asInt()).isEqualTo(443);
            assertThat(r.get("to_port").asInt()).isEqualTo(443);
        });
        assertThat(open).extracting(r -> r.get("security_group_id").asText().replaceAll("_[0-9A-F]{8}\\.id}$", ".id}"))
                .containsExactlyInAnyOrder("${aws_security_group.security_alb.id}", "${aws_security_group.security_nlb.id}");
    }

    @Test
    void frontDoorsUseTheTenantsPolicyTheCertificateAndTheWaf() {
        List<JsonNode> listeners = all(acme, "aws_lb_listener");
        assertThat(listeners).extracting(l -> l.get("protocol").asText()).containsExactlyInAnyOrder("HTTPS", "TLS");
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.get("ssl_policy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
            assertThat(l.get("port").asInt()).isEqualTo(443);
            assertThat(l.get("certificate_arn").asText()).contains("aws_acm_certificate_validation");
        });
        assertThat(all(strict, "aws_lb_listener")).allSatisfy(l ->
                assertThat(l.get("ssl_policy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-3-2021-06"));
        JsonNode certificate = one(acme, "aws_acm_certificate");
        assertThat(certificate.get("domain_name").asText()).isEqualTo("uw.acme.undersign.example");
        assertThat(certificate.get("subject_alternative_names").get(0).asText()).isEqualTo("api.uw.acme.undersign.example");
        assertThat(one(acme, "aws_route53_record").get("for_each").asText()).contains("domain_validation_options");
        List<JsonNode> lbs = all(acme, "aws_lb");
        assertThat(lbs).extracting(l -> l.get("load_balancer_type").asText()).containsExactlyInAnyOrder("application", "network");
        assertThat(lbs).allSatisfy(l -> assertThat(l.get("enable_deletion_protection").asBoolean()).isTrue());
        JsonNode waf = one(acme, "aws_wafv2_web_acl");
        assertThat(waf.findValuesAsText("name")).contains("AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet");
        assertThat(waf.get("scope").asText()).isEqualTo("REGIONAL");
        assertThat(one(acme, "aws_wafv2_web_acl_association").get("resource_arn").asText()).contains("aws_lb.edge_alb");
        assertThat(all(acme, "aws_lb_target_group")).allSatisfy(t ->
                assertThat(t.at("/health_check/path").asText()).isEqualTo("/ping"));
        assertThat(all(acme, "aws_lb_target_group")).extracting(t -> t.get("name").asText())
                .containsExactlyInAnyOrder("us-acme-web", "us-acme-api", "us-acme-off");
        assertThat(listeners).as("a suspension made outside Terraform survives the next apply").allSatisfy(l ->
                assertThat(l.at("/lifecycle/ignore_changes/0").asText()).isEqualTo("default_action"));
        assertThat(acme.at("/output").fieldNames()).toIterable()
                .contains("alb_listener_arn", "nlb_listener_arn", "interview_target_group_arn", "suspended_target_group_arn");
    }

    @Test
    void instancesSpanBothZonesBehindBothTargetGroupsWithLeastPrivilege() {
        JsonNode asg = one(acme, "aws_autoscaling_group");
        assertThat(asg.get("vpc_zone_identifier")).hasSize(2);
        assertThat(asg.get("target_group_arns")).hasSize(2);
        assertThat(asg.get("health_check_type").asText()).isEqualTo("ELB");
        assertThat(asg.get("min_size").asInt()).isEqualTo(2);
        assertThat(one(acme, "aws_launch_template").at("/metadata_options/http_tokens").asText()).isEqualTo("required");
        JsonNode permissions = acme.at("/data/aws_iam_policy_document").elements().next();
        for (JsonNode doc : iterable(acme.at("/data/aws_iam_policy_document"))) {
            if (doc.get("statement").get(0).has("sid")) {
                permissions = doc;
            }
        }
        List<String> resources = new ArrayList<>();
        permissions.get("statement").forEach(s -> s.get("resources").forEach(r -> resources.add(r.asText())));
        assertThat(resources).noneMatch(r -> r.equals("*"));
        assertThat(resources).anyMatch(r -> r.contains(":parameter/undersign/acme/*"));
        assertThat(resources).anyMatch(r -> r.contains(":secret:undersign/acme/*"));
        assertThat(resources).as("the runtime never reads the RDS master user's secret").noneMatch(r -> r.contains("master_user_secret"));
        assertThat(permissions.findValuesAsText("actions").toString()).doesNotContain("iam:");
    }

    @Test
    void databaseAndBrokerAreMultiZoneEncryptedProtectedAndHoldNoLiteralSecret() {
        JsonNode db = one(acme, "aws_db_instance");
        assertThat(db.get("engine").asText()).isEqualTo("mysql");
        assertThat(db.get("engine_version").asText()).startsWith("8.");
        assertThat(db.get("multi_az").asBoolean()).isTrue();
        assertThat(db.get("storage_encrypted").asBoolean()).isTrue();
        assertThat(db.get("deletion_protection").asBoolean()).isTrue();
        assertThat(db.get("skip_final_snapshot").asBoolean()).isFalse();
        assertThat(db.get("final_snapshot_identifier").asText()).isEqualTo("undersign-acme-final");
        assertThat(db.get("backup_retention_period").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(db.get("publicly_accessible").asBoolean()).isFalse();
        assertThat(db.get("manage_master_user_password").asBoolean()).isTrue();
        assertThat(db.has("password")).isFalse();
        JsonNode mq = one(acme, "aws_mq_broker");
        assertThat(mq.get("deployment_mode").asText()).isEqualTo("ACTIVE_STANDBY_MULTI_AZ");
        assertThat(mq.get("publicly_accessible").asBoolean()).isFalse();
        assertThat(mq.get("subnet_ids")).hasSize(2);
        assertThat(mq.at("/user/0/password").asText()).startsWith("${").contains("aws_secretsmanager_secret_version");
    }

    @Test
    void alarmsGoToTheOnCallTopicAndStateIsKeptPerTenant() {
        List<JsonNode> alarms = all(acme, "aws_cloudwatch_metric_alarm");
        assertThat(alarms).extracting(a -> a.get("metric_name").asText()).contains("HTTPCode_Target_5XX_Count", "UnHealthyHostCount",
                "CPUUtilization", "FreeStorageSpace", "QueueSize");
        assertThat(alarms).allSatisfy(a -> assertThat(a.get("alarm_actions").get(0).asText()).isEqualTo(TOPIC));
        assertThat(one(acme, "aws_guardduty_detector").get("enable").asBoolean()).isTrue();
        assertThat(one(acme, "aws_cloudwatch_log_group").get("name").asText()).isEqualTo("/undersign/acme/runtime");
        JsonNode backend = acme.at("/terraform/backend/s3");
        assertThat(backend.get("key").asText()).isEqualTo("tenants/acme/terraform.tfstate");
        assertThat(backend.get("encrypt").asBoolean()).isTrue();
        assertThat(backend.get("dynamodb_table").asText()).isEqualTo("undersign-terraform-locks");
        assertThat(strict.at("/terraform/backend/s3/key").asText()).isEqualTo("tenants/strict/terraform.tfstate");
        assertThat(acme.at("/output").fieldNames()).toIterable()
                .contains("alb_dns_name", "nlb_dns_name", "db_endpoint", "broker_instances", "asg_name");
    }

    @Test
    void decommissioningLiftsDeletionProtectionButKeepsTheFinalSnapshot() throws Exception {
        TenantSiloSpec base = spec("gone", "10.44.0.0/16", null);
        TenantSiloSpec leaving = new TenantSiloSpec(base.tenantId(), base.region(), base.zoneName(), base.hostedZoneId(), base.appName(),
                base.vpcCidr(), base.tlsPolicy(), base.runtimeImageId(), base.instanceType(), base.minInstances(), base.maxInstances(),
                base.dbInstanceClass(), base.dbAllocatedStorageGb(), base.brokerInstanceType(), base.transitGatewayId(),
                base.alarmTopicArn(), base.stateBucket(), base.stateLockTable(), base.trustStoreBucket(), base.releaseBucket(), null, true, true);
        Path out = Files.createTempDirectory(Path.of("target"), "cdktf.out");
        Synth.synth(List.of(leaving), out);
        JsonNode gone = JSON.readTree(out.resolve("stacks/gone/cdk.tf.json").toFile());
        assertThat(gone.at("/provider/aws/0/assume_role").isMissingNode()).as("no role given: the caller's credentials").isTrue();
        JsonNode db = one(gone, "aws_db_instance");
        assertThat(db.get("deletion_protection").asBoolean()).isFalse();
        assertThat(db.get("skip_final_snapshot").asBoolean()).isFalse();
        assertThat(all(gone, "aws_lb")).allSatisfy(l -> assertThat(l.get("enable_deletion_protection").asBoolean()).isFalse());
    }

    @Test
    void theApiVerifiesClientCertificatesAgainstTheTenantsOwnCa() {
        JsonNode store = one(acme, "aws_lb_trust_store");
        assertThat(store.get("name").asText()).isEqualTo("us-acme-api");
        assertThat(store.get("ca_certificates_bundle_s3_bucket").asText()).isEqualTo(TRUST_BUCKET);
        assertThat(store.get("ca_certificates_bundle_s3_key").asText()).isEqualTo("tenants/acme/client-ca.pem");
        JsonNode tls = all(acme, "aws_lb_listener").stream().filter(l -> l.get("protocol").asText().equals("TLS")).findFirst().orElseThrow();
        assertThat(tls.at("/mutual_authentication/mode").asText()).isEqualTo("verify");
        assertThat(tls.at("/mutual_authentication/trust_store_arn").asText()).isEqualTo("${aws_lb_trust_store.edge_trust-store_"
                + acme.at("/resource/aws_lb_trust_store").fieldNames().next().substring("edge_trust-store_".length()) + ".arn}");
        assertThat(tls.at("/mutual_authentication/ignore_client_certificate_expiry").asBoolean(true)).isFalse();
        JsonNode https = all(acme, "aws_lb_listener").stream().filter(l -> l.get("protocol").asText().equals("HTTPS")).findFirst().orElseThrow();
        assertThat(https.has("mutual_authentication")).as("applicants carry no certificates").isFalse();
        assertThat(one(strict, "aws_lb_trust_store").get("ca_certificates_bundle_s3_key").asText()).isEqualTo("tenants/strict/client-ca.pem");
        assertThat(acme.at("/terraform/required_providers/aws/version").asText()).isEqualTo(">= 5.30.0, < 6.0.0");
        assertThat(acme.at("/output/trust_store_arn/value").asText()).contains("aws_lb_trust_store");
    }

    @Test
    void theInterviewsWafRefusesApiPathsHoweverSpelled() throws Exception {
        JsonNode rule = one(acme, "aws_wafv2_web_acl").get("rule").get(0);
        assertThat(rule.get("name").asText()).isEqualTo("ApiOnlyOnApiHost");
        assertThat(rule.get("priority").asInt()).isZero();
        assertThat(rule.at("/action/block/custom_response/response_code").asInt()).isEqualTo(403);
        JsonNode match = rule.at("/statement/regex_match_statement");
        assertThat(match.at("/field_to_match/uri_path").isObject()).isTrue();
        assertThat(match.get("text_transformation")).extracting(t -> t.get("priority").asInt() + ":" + t.get("type").asText())
                .containsExactly("0:URL_DECODE", "1:NORMALIZE_PATH", "2:LOWERCASE");
        java.util.regex.Pattern api = java.util.regex.Pattern.compile(match.get("regex_string").asText());
        assertThat(List.of("/api/v1/cases", "/api", "/api/", "/api;jsessionid=1/v1/cases")).allMatch(p -> api.matcher(p).find());
        assertThat(List.of("/", "/interview", "/apis", "/interview/api/v1", "/ping", "/q/health/ready")).noneMatch(p -> api.matcher(p).find());
        JsonNode body = one(acme, "aws_wafv2_web_acl").get("custom_response_body").get(0);
        assertThat(body.get("key").asText()).isEqualTo(rule.at("/action/block/custom_response/custom_response_body_key").asText());
        assertThat(body.get("content_type").asText()).isEqualTo("APPLICATION_JSON");
        assertThat(JSON.readTree(body.get("content").asText()).get("detail").asText()).contains("https://api.uw.acme.undersign.example");
    }

    @Test
    void terraformBuildsTheSiloAsTheProvisionerRole() {
        JsonNode assume = acme.at("/provider/aws/0/assume_role/0");
        assertThat(assume.get("role_arn").asText()).isEqualTo(PROVISIONER);
        assertThat(assume.get("session_name").asText()).isEqualTo("undersign-acme");
    }

    @Test
    void aSpecWithoutItsEssentialsIsRefused() {
        assertThatThrownBy(() -> spec("acme", "10.42.0.0/24", null)).hasMessageStartingWith("vpcCidr:");
        assertThatThrownBy(() -> spec("Acme!", "10.42.0.0/16", null)).hasMessageStartingWith("tenantId:");
    }

    /** The whole stack as reviewed: a change to it shows up here (update with -Dgolden.update=true). */
    @Test
    void theStackMatchesItsReviewedSnapshot() throws Exception {
        ObjectNode normalised = acme.deepCopy();
        normalised.remove("//"); // CDKTF version and construct paths
        String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(normalised) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertThat(GOLDEN).as("the reviewed snapshot (make it with -Dgolden.update=true, then review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    private static JsonNode one(JsonNode stack, String type) {
        List<JsonNode> found = all(stack, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> all(JsonNode stack, String type) {
        JsonNode byName = stack.at("/resource/" + type);
        return byName.isMissingNode() ? List.of() : StreamSupport.stream(iterable(byName).spliterator(), false).toList();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
