package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.AwsStandIns;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantSpec;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS stack provisioner end to end on this machine: the VPC range allocated in the registry,
 * the broker secret made in Secrets Manager (a local server speaking its JSON protocol), the real
 * synth jar run as a child process, and the Terraform stand-in converging the stack.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AwsStandIns.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AwsStackProvisionerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "X-Amz-Target";
    private static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    private static final String RRSET = "/2013-04-01/hostedzone/Z0123456789ABCDEF/rrset/?";

    WireMockServer aws;

    @Inject
    AwsStackProvisioner provisioner;

    @Inject
    UndersignConfig config;

    @Inject
    AwsDnsRegistrar dns;

    @Inject
    AwsRuntimeDeployer deployer;

    @Test
    void provisionsASiloRepeatablyRegistersItsNamesAndDestroysItAfterLiftingProtection() throws Exception {
        String id = Api.uniqueId("aws");
        TenantSpec tenant = new TenantSpec(id, "Aws Life", null, "eu-west-2", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                "uw." + id + ".localhost", "api.uw." + id + ".localhost");
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DescribeSecret")).inScenario("secret")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.GetRandomPassword"))
                .willReturn(okJson("{\"RandomPassword\":\"Q7fH2kLm9PzX4vB8nR1tY6wC3sD5gJ0a\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")).inScenario("secret")
                .willSetStateTo("made").willReturn(okJson("""
                        {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:undersign/%s/broker-AbCdEf",
                         "Name":"undersign/%s/broker","VersionId":"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1"}""".formatted(id, id))));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DescribeSecret")).inScenario("secret")
                .whenScenarioStateIs("made").willReturn(okJson("""
                        {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:undersign/%s/broker-AbCdEf","Name":"undersign/%s/broker"}"""
                        .formatted(id, id))));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DeleteSecret")).willReturn(okJson("""
                {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:undersign/%s/broker-AbCdEf","Name":"undersign/%s/broker",
                 "DeletionDate":1.7965e9}""".formatted(id, id))));

        Map<String, String> made = provisioner.provision(tenant);

        assertThat(made.get("vpcCidr")).matches("10\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.0\\.0/16");
        assertThat(made).containsEntry("resourcesAdded", "2")
                .containsEntry("alb_dns_name", "us-acme-web-1234567890.eu-west-2.elb.amazonaws.com");
        Path dir = config.dataDir().resolve("aws").resolve(id).toAbsolutePath();
        JsonNode stack = JSON.readTree(dir.resolve("cdktf.out/stacks/" + id + "/cdk.tf.json").toFile());
        assertThat(stack.at("/resource/aws_vpc").elements().next().get("cidr_block").asText()).isEqualTo(made.get("vpcCidr"));
        assertThat(stack.at("/terraform/backend/s3/key").asText()).isEqualTo("tenants/" + id + "/terraform.tfstate");
        assertThat(stack.toString()).contains("undersign/" + id + "/broker").doesNotContain("Q7fH2kLm9PzX4vB8nR1tY6wC3sD5gJ0a");
        assertThat(dir.resolve("tmp")).doesNotExist();
        String created = aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")))
                .get(0).getBodyAsString();
        assertThat(JSON.readTree(created).get("Name").asText()).isEqualTo("undersign/" + id + "/broker");
        assertThat(JSON.readTree(JSON.readTree(created).get("SecretString").asText()).get("username").asText()).isEqualTo("tenant-" + id);
        Path calls = dir.resolve("cdktf.out/stacks/" + id + "/standin.log");
        assertThat(Files.readAllLines(calls)).extracting(l -> l.substring(l.indexOf(' ') + 1).split(" ")[0])
                .containsExactly("init", "plan", "apply", "output");

        // again: the same range, the secret found, Terraform converges
        assertThat(provisioner.provision(tenant).get("vpcCidr")).isEqualTo(made.get("vpcCidr"));
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")))).hasSize(1);
        assertThat(provisioner.outputs(id).get("db_endpoint").asText()).endsWith(":3306");

        // the silo's names: aliases to its load balancers, waited on until INSYNC
        aws.stubFor(post(urlPathMatching(RRSET)).willReturn(xml("""
                <ChangeResourceRecordSetsResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>""".formatted(NS))));
        aws.stubFor(get(urlPathMatching("/2013-04-01/change/C2682N5HXP0BZ4")).willReturn(xml("""
                <GetChangeResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></GetChangeResponse>""".formatted(NS))));
        Map<String, String> registered = dns.register(tenant);
        assertThat(registered).containsEntry(tenant.apiHost(), "us-acme-api-0987654321.elb.eu-west-2.amazonaws.com");
        String batch = aws.findAll(postRequestedFor(urlPathMatching(RRSET))).get(0).getBodyAsString();
        assertThat(batch).contains("<Name>" + tenant.interviewHost() + "</Name>").contains("<HostedZoneId>ZHURV8PSTC4K8</HostedZoneId>")
                .contains("<Name>" + tenant.apiHost() + "</Name>").contains("<HostedZoneId>ZD4D7Y8KGAS4G</HostedZoneId>");
        assertThat(AwsStackProvisioner.brokerUrl(provisioner.outputs(id).get("broker_instances"))).isEqualTo(
                "failover:(ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.eu-west-2.amazonaws.com:61617,"
                        + "ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-2.mq.eu-west-2.amazonaws.com:61617)?maxReconnectAttempts=-1");

        // suspended: the ALB answers 503 with the maintenance page, the NLB forwards to nothing; resumed: back
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ModifyListenerResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><ModifyListenerResult>
                        <Listeners><member><ListenerArn>arn:aws:elasticloadbalancing:eu-west-2:111122223333:listener/app/us-acme-web/x/y\
                        </ListenerArn></member></Listeners></ModifyListenerResult></ModifyListenerResponse>""")));
        dns.suspend(tenant);
        var switched = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")));
        assertThat(switched).hasSize(2);
        assertThat(java.net.URLDecoder.decode(switched.get(0).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("listener/app/us-acme-web/").contains("DefaultActions.member.1.Type=fixed-response")
                .contains("FixedResponseConfig.StatusCode=503").contains("Service suspended");
        assertThat(java.net.URLDecoder.decode(switched.get(1).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("listener/net/us-acme-api/").contains("targetgroup/us-acme-off/");
        dns.resume(tenant);
        var resumed = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")));
        assertThat(java.net.URLDecoder.decode(resumed.get(2).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("DefaultActions.member.1.Type=forward").contains("targetgroup/us-acme-web/");
        assertThat(java.net.URLDecoder.decode(resumed.get(3).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("targetgroup/us-acme-api/");

        // the runtime: configuration to SSM, a launch template version, an instance refresh to its end
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AmazonSSM.PutParameter"))
                .willReturn(okJson("{\"Version\":1,\"Tier\":\"Standard\"}")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r1</requestId>
                        <launchTemplateVersion><launchTemplateId>lt-0abcd290751193123</launchTemplateId><versionNumber>3</versionNumber>
                        </launchTemplateVersion></CreateLaunchTemplateVersionResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <StartInstanceRefreshResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><StartInstanceRefreshResult>
                        <InstanceRefreshId>08b91cf7-8fa6-48af-b6a6-d227f40f1b9b</InstanceRefreshId></StartInstanceRefreshResult>
                        </StartInstanceRefreshResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeInstanceRefreshesResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                        <DescribeInstanceRefreshesResult><InstanceRefreshes><member><InstanceRefreshId>08b91cf7-8fa6-48af-b6a6-d227f40f1b9b\
                        </InstanceRefreshId><AutoScalingGroupName>undersign-acme</AutoScalingGroupName><Status>Successful</Status>
                        <PercentageComplete>100</PercentageComplete><InstancesToUpdate>0</InstancesToUpdate></member></InstanceRefreshes>
                        </DescribeInstanceRefreshesResult></DescribeInstanceRefreshesResponse>""")));
        assertThat(deployer.deploy(tenant)).containsEntry("launchTemplateVersion", "3")
                .containsEntry("instanceRefresh", "08b91cf7-8fa6-48af-b6a6-d227f40f1b9b");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AmazonSSM.PutParameter"))))
                .extracting(r -> JSON.readTree(r.getBodyAsString()).get("Name").asText())
                .contains("/undersign/" + id + "/db-url", "/undersign/" + id + "/broker-secret");

        Map<String, String> destroyed = provisioner.destroy(tenant);
        assertThat(destroyed).containsEntry("finalSnapshot", "undersign-" + id + "-final");
        JsonNode leaving = JSON.readTree(dir.resolve("cdktf.out/stacks/" + id + "/cdk.tf.json").toFile());
        assertThat(leaving.findValue("deletion_protection").asBoolean()).isFalse();
        assertThat(Files.readAllLines(calls)).anyMatch(l -> l.contains("plan -input=false -json -out=undersign.tfplan -destroy"));
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DeleteSecret")))).hasSize(1);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }
}
