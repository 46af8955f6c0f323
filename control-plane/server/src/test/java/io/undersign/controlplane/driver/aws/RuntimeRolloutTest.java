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
import java.util.Optional;
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
        rollout = new RuntimeRollout(AwsClients.regional(settings, Region.EU_WEST_2), Duration.ofMillis(20), Duration.ofSeconds(10),
                new RuntimeRollout.RefreshPreferences(List.of(50, 100), Duration.ofSeconds(60), Duration.ofSeconds(120)));
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
                "undersign/acme/broker", "0.1.0", "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "tenant_acme_keys"));
        var sent = aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter")));
        assertThat(sent).hasSize(10);
        var first = new ObjectMapper().readTree(sent.get(0).getBodyAsString());
        assertThat(first.get("Name").asText()).isEqualTo("/undersign/acme/tenant-id");
        assertThat(first.get("Overwrite").asBoolean()).isTrue();
        assertThat(first.get("Type").asText()).isEqualTo("String");
        assertThat(sent).extracting(r -> r.getBodyAsString()).noneMatch(b -> b.toLowerCase().contains("password"));
    }

    @Test
    void aReleasesTemplateVersionThenARefreshToItAtFullHealthyCapacity() throws Exception {
        stubVersions();
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")).willReturn(xml("""
                <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>6657423a-2616-461a-9ce5-3c65example</requestId>
                  <launchTemplateVersion><createTime>2026-11-29T12:00:00.000Z</createTime><createdBy>arn:aws:iam::111122223333:root</createdBy>
                    <defaultVersion>false</defaultVersion><launchTemplateData/><launchTemplateId>lt-0abcd290751193123</launchTemplateId>
                    <launchTemplateName>undersign-acme-</launchTemplateName><versionDescription>undersign release 0.2.0</versionDescription>
                    <versionNumber>2</versionNumber></launchTemplateVersion>
                </CreateLaunchTemplateVersionResponse>""")));
        stubStart();
        stubRefreshStates("InProgress", "Successful", null);

        assertThat(rollout.templateVersion("lt-0abcd290751193123", RuntimeRollout.releaseDescription("0.2.0"), "0.2.0",
                Optional.of("#!/bin/bash\necho release"))).isEqualTo(2);
        assertThat(rollout.refresh("undersign-acme", "lt-0abcd290751193123", 2, progress::add)).isEqualTo(REFRESH);

        String version = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")))
                .get(0).getBodyAsString();
        assertThat(version).contains("LaunchTemplateId=lt-0abcd290751193123").contains("SourceVersion=%24Default")
                .contains("VersionDescription=undersign+release+0.2.0").contains("undersign%3Arelease")
                .contains("LaunchTemplateData.UserData=" + java.net.URLEncoder.encode(java.util.Base64.getEncoder()
                        .encodeToString("#!/bin/bash\necho release".getBytes()), java.nio.charset.StandardCharsets.UTF_8));
        String start = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")))
                .get(0).getBodyAsString();
        assertThat(start).contains("AutoScalingGroupName=undersign-acme", "DesiredConfiguration.LaunchTemplate.LaunchTemplateId=lt-0abcd290751193123",
                "DesiredConfiguration.LaunchTemplate.Version=2", "Preferences.MinHealthyPercentage=100", "Preferences.MaxHealthyPercentage=200",
                "Preferences.SkipMatching=true", "Preferences.AutoRollback=true", "Preferences.CheckpointPercentages.member.1=50",
                "Preferences.CheckpointPercentages.member.2=100", "Preferences.CheckpointDelay=60", "Preferences.InstanceWarmup=120");
        assertThat(progress).containsExactly(
                "instance refresh " + REFRESH + " to launch template version 2: InProgress, 50% done, 1 to update"
                        + " (Waiting for instances to warm up before continuing.)",
                "instance refresh " + REFRESH + " to launch template version 2: Successful, 100% done, 0 to update");
    }

    @Test
    void aRetryFindsTheReleasesVersionInsteadOfMakingASecond() {
        stubVersions(version(1, "undersign image build 0.1.0"), version(2, "undersign release 0.2.0"), version(3, "undersign release 0.3.0"));
        assertThat(rollout.templateVersion("lt-0abcd290751193123", RuntimeRollout.releaseDescription("0.2.0"), "0.2.0", Optional.empty()))
                .isEqualTo(2);
        assertThat(rollout.findTemplateVersion("lt-0abcd290751193123", RuntimeRollout.imageDescription("0.1.0"))).contains(1L);
        assertThat(rollout.findTemplateVersion("lt-0abcd290751193123", RuntimeRollout.releaseDescription("0.9.0"))).isEmpty();
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")))).isEmpty();
    }

    @Test
    void aRefreshTowardAnotherVersionIsCancelledBeforeThisOneStarts() throws Exception {
        // the first start meets an interrupted upgrade's refresh (toward version 3); once cancelled, this one starts
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).inScenario("start")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(inProgress()).willSetStateTo("cancelled"));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).inScenario("start")
                .whenScenarioStateIs("cancelled").willReturn(xml(started())));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).withRequestBody(containing("MaxRecords=1"))
                .willReturn(xml(refresh("other-refresh", "InProgress", 10, 2, null, 3))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CancelInstanceRefresh")).willReturn(xml("""
                <CancelInstanceRefreshResponse %s><CancelInstanceRefreshResult><InstanceRefreshId>other-refresh</InstanceRefreshId>
                </CancelInstanceRefreshResult><ResponseMetadata><RequestId>a1b2c3d4</RequestId></ResponseMetadata></CancelInstanceRefreshResponse>"""
                .formatted(ASG_NS))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).withRequestBody(containing(REFRESH))
                .willReturn(xml(refresh(REFRESH, "Successful", 100, 0, null, 2))));

        assertThat(rollout.refresh("undersign-acme", "lt-0abcd290751193123", 2, progress::add)).isEqualTo(REFRESH);
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CancelInstanceRefresh")))).hasSize(1);
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")))).hasSize(2);
    }

    @Test
    void aRefreshAlreadyRunningTowardTheSameVersionIsJoined() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(inProgress()));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes"))
                .willReturn(xml(refresh(REFRESH, "Successful", 100, 0, null, 2))));
        assertThat(rollout.refresh("undersign-acme", "lt-0abcd290751193123", 2, progress::add)).isEqualTo(REFRESH);
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CancelInstanceRefresh")))).isEmpty();
    }

    @Test
    void aFailedRefreshSaysWhyInAwssWords() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(inProgress()));
        stubRefreshStates("InProgress", "Failed", "Instance i-0123456789abcdef0 failed to pass its ELB health checks during the refresh.");
        assertThatThrownBy(() -> rollout.refresh("undersign-acme", "lt-0abcd290751193123", 2, progress::add))
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
        return refresh(REFRESH, status, percent, toUpdate, reason, 2);
    }

    private static String refresh(String id, String status, int percent, int toUpdate, String reason, long version) {
        return """
                <DescribeInstanceRefreshesResponse %s><DescribeInstanceRefreshesResult><InstanceRefreshes><member>
                <InstanceRefreshId>%s</InstanceRefreshId><AutoScalingGroupName>undersign-acme</AutoScalingGroupName>
                <Status>%s</Status>%s<StartTime>2026-11-29T12:00:00Z</StartTime><PercentageComplete>%d</PercentageComplete>
                <InstancesToUpdate>%d</InstancesToUpdate><DesiredConfiguration><LaunchTemplate>
                <LaunchTemplateId>lt-0abcd290751193123</LaunchTemplateId><Version>%d</Version></LaunchTemplate></DesiredConfiguration>
                </member></InstanceRefreshes></DescribeInstanceRefreshesResult>
                <ResponseMetadata><RequestId>a1b2c3d4</RequestId></ResponseMetadata></DescribeInstanceRefreshesResponse>"""
                .formatted(ASG_NS, id, status, reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>", percent, toUpdate, version);
    }

    private void stubStart() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(xml(started())));
    }

    private static String started() {
        return """
                <StartInstanceRefreshResponse %s><StartInstanceRefreshResult><InstanceRefreshId>%s</InstanceRefreshId>
                </StartInstanceRefreshResult><ResponseMetadata><RequestId>a1b2c3d4</RequestId></ResponseMetadata></StartInstanceRefreshResponse>"""
                .formatted(ASG_NS, REFRESH);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder inProgress() {
        return aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse %s><Error><Type>Sender</Type><Code>InstanceRefreshInProgress</Code>
                <Message>An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.</Message></Error>
                <RequestId>a1b2c3d4</RequestId></ErrorResponse>""".formatted(ASG_NS));
    }

    /** DescribeLaunchTemplateVersions' answer, as in the EC2 API reference. */
    private void stubVersions(String... versions) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeLaunchTemplateVersions")).willReturn(xml("""
                <DescribeLaunchTemplateVersionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>65cadec1-b364-4354-8ca8-4176dexample</requestId><launchTemplateVersionSet>%s</launchTemplateVersionSet>
                </DescribeLaunchTemplateVersionsResponse>""".formatted(String.join("", versions)))));
    }

    private static String version(long number, String description) {
        return """
                <item><createTime>2026-11-29T12:00:00.000Z</createTime><createdBy>arn:aws:iam::111122223333:root</createdBy>
                <defaultVersion>%s</defaultVersion><launchTemplateData/><launchTemplateId>lt-0abcd290751193123</launchTemplateId>
                <launchTemplateName>undersign-acme-</launchTemplateName><versionDescription>%s</versionDescription>
                <versionNumber>%d</versionNumber></item>""".formatted(number == 1, description, number);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

}
