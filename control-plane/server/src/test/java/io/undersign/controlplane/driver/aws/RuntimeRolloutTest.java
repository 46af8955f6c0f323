package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * A runtime rollout with the real SDK against a local server speaking SSM's JSON protocol and
 * the EC2 and Auto Scaling query protocols, answering as their API references show.
 */
class RuntimeRolloutTest {
    private static final String ASG_NS = "xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\"";
    private static final String REFRESH = "08b91cf7-8fa6-48af-b6a6-d227f40f1b9b";

    private WireMockServer aws;
    private RuntimeRollout rollout;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        var settings = LocalAws.settings(aws, 3);
        rollout = new RuntimeRollout(AwsClients.regional(settings, Region.EU_WEST_2), Duration.ofMillis(20), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void writesTheConfigurationToSsmWithoutSecrets() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter"))
                .willReturn(okJson("{\"Version\":1,\"Tier\":\"Standard\"}")));
        rollout.configure("/undersign/acme/", RuntimeRollout.runtimeParameters("acme", "Acme Life", null,
                "https://api.uw.acme.undersign.example", "jdbc:mysql://db:3306/undersign", "arn:aws:secretsmanager:eu-west-2:111122223333:secret:rds!db-1", "failover:(ssl://b-1:61617)",
                "undersign/acme/broker", "0.1.0"));
        var sent = aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter")));
        assertThat(sent).hasSize(8);
        var first = new ObjectMapper().readTree(sent.get(0).getBodyAsString());
        assertThat(first.get("Name").asText()).isEqualTo("/undersign/acme/tenant-id");
        assertThat(first.get("Overwrite").asBoolean()).isTrue();
        assertThat(first.get("Type").asText()).isEqualTo("String");
        assertThat(sent).extracting(r -> r.getBodyAsString()).noneMatch(b -> b.toLowerCase().contains("password"));
    }

    @Test
    void aNewTemplateVersionThenARefreshFollowedToSuccess() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")).willReturn(xml("""
                <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>6657423a-2616-461a-9ce5-3c65example</requestId>
                  <launchTemplateVersion><createTime>2026-11-29T12:00:00.000Z</createTime><createdBy>arn:aws:iam::111122223333:root</createdBy>
                    <defaultVersion>false</defaultVersion><launchTemplateData/><launchTemplateId>lt-0abcd290751193123</launchTemplateId>
                    <launchTemplateName>undersign-acme-</launchTemplateName><versionDescription>undersign release 0.2.0</versionDescription>
                    <versionNumber>2</versionNumber></launchTemplateVersion>
                </CreateLaunchTemplateVersionResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(xml("""
                <StartInstanceRefreshResponse %s><StartInstanceRefreshResult><InstanceRefreshId>%s</InstanceRefreshId>
                </StartInstanceRefreshResult><ResponseMetadata><RequestId>a1b2c3d4</RequestId></ResponseMetadata></StartInstanceRefreshResponse>"""
                .formatted(ASG_NS, REFRESH))));
        stubRefreshStates("InProgress", "Successful", null);

        assertThat(rollout.newTemplateVersion("lt-0abcd290751193123", "0.2.0")).isEqualTo(2);
        assertThat(rollout.refresh("undersign-acme", progress::add)).isEqualTo(REFRESH);

        String version = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")))
                .get(0).getBodyAsString();
        assertThat(version).contains("LaunchTemplateId=lt-0abcd290751193123").contains("SourceVersion=%24Latest")
                .contains("undersign%3Arelease").contains("0.2.0");
        String start = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")))
                .get(0).getBodyAsString();
        assertThat(start).contains("AutoScalingGroupName=undersign-acme").contains("Preferences.MinHealthyPercentage=50");
        assertThat(progress).containsExactly("instance refresh " + REFRESH + ": InProgress, 50% done, 1 to update",
                "instance refresh " + REFRESH + ": Successful, 100% done, 0 to update");
    }

    @Test
    void aFailedRefreshSaysWhyInAwssWords() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse %s><Error><Type>Sender</Type><Code>InstanceRefreshInProgress</Code>
                        <Message>An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.</Message></Error>
                        <RequestId>a1b2c3d4</RequestId></ErrorResponse>""".formatted(ASG_NS))));
        stubRefreshStates("InProgress", "Failed", "Instance i-0123456789abcdef0 failed to pass its ELB health checks during the refresh.");
        assertThatThrownBy(() -> rollout.refresh("undersign-acme", progress::add))
                .hasMessage("instance refresh " + REFRESH + " of undersign-acme ended Failed: "
                        + "Instance i-0123456789abcdef0 failed to pass its ELB health checks during the refresh.");
        assertThat(progress).as("joined the refresh already running").isNotEmpty();
    }

    private void stubRefreshStates(String first, String then, String reason) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).inScenario("refresh")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(xml(refresh(first, 50, 1, "Waiting for instances to warm up before continuing.")))
                .willSetStateTo("next"));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).inScenario("refresh")
                .whenScenarioStateIs("next").willReturn(xml(refresh(then, 100, 0, reason))));
    }

    private static String refresh(String status, int percent, int toUpdate, String reason) {
        return """
                <DescribeInstanceRefreshesResponse %s><DescribeInstanceRefreshesResult><InstanceRefreshes><member>
                <InstanceRefreshId>%s</InstanceRefreshId><AutoScalingGroupName>undersign-acme</AutoScalingGroupName>
                <Status>%s</Status>%s<StartTime>2026-11-29T12:00:00Z</StartTime><PercentageComplete>%d</PercentageComplete>
                <InstancesToUpdate>%d</InstancesToUpdate></member></InstanceRefreshes></DescribeInstanceRefreshesResult>
                <ResponseMetadata><RequestId>a1b2c3d4</RequestId></ResponseMetadata></DescribeInstanceRefreshesResponse>"""
                .formatted(ASG_NS, REFRESH, status, reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>", percent, toUpdate);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

}
