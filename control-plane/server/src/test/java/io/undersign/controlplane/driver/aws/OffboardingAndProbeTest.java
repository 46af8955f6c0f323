package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The offboarding snapshot (RDS query protocol) and the public endpoint probe, against a local server. */
class OffboardingAndProbeTest {
    private static final String RDS_NS = "xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"";

    private WireMockServer aws;
    private DatabaseSnapshots snapshots;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        var settings = LocalAws.settings(aws, 3);
        snapshots = new DatabaseSnapshots(AwsClients.regional(settings, Region.EU_WEST_2).rds(), Duration.ofMillis(20), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void aSnapshotIsTakenAndWaitedOnUntilAvailable() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateDBSnapshot")).willReturn(xml("""
                <CreateDBSnapshotResponse %s><CreateDBSnapshotResult><DBSnapshot>
                <DBSnapshotIdentifier>undersign-acme-offboarding</DBSnapshotIdentifier><DBInstanceIdentifier>undersign-acme</DBInstanceIdentifier>
                <Status>creating</Status></DBSnapshot></CreateDBSnapshotResult><ResponseMetadata><RequestId>c1</RequestId></ResponseMetadata>
                </CreateDBSnapshotResponse>""".formatted(RDS_NS))));
        stubSnapshotStates();
        assertThat(snapshots.snapshot("undersign-acme", "undersign-acme-offboarding"))
                .isEqualTo("arn:aws:rds:eu-west-2:111122223333:snapshot:undersign-acme-offboarding");
        String create = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateDBSnapshot")))
                .get(0).getBodyAsString();
        assertThat(create).contains("DBInstanceIdentifier=undersign-acme").contains("DBSnapshotIdentifier=undersign-acme-offboarding");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBSnapshots")))).hasSize(2);
    }

    @Test
    void aRetriedExportWaitsForTheSnapshotAlreadyStarted() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateDBSnapshot")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse %s><Error><Type>Sender</Type><Code>DBSnapshotAlreadyExists</Code><Message>Cannot create the \
                        snapshot because a snapshot with the identifier undersign-acme-offboarding already exists.</Message></Error>\
                        <RequestId>c2</RequestId></ErrorResponse>""".formatted(RDS_NS))));
        stubSnapshotStates();
        assertThat(snapshots.snapshot("undersign-acme", "undersign-acme-offboarding")).endsWith(":snapshot:undersign-acme-offboarding");
    }

    @Test
    void theProbeWaitsForHealthyAndReportsTheLastAnswerOtherwise() throws Exception {
        aws.stubFor(get(urlEqualTo("/ping")).inScenario("warming").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        aws.stubFor(get(urlEqualTo("/ping")).inScenario("warming").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        java.util.List<String> asked = new java.util.ArrayList<>();
        HttpsProbe probe = new HttpsProbe(HttpClient.newHttpClient(), host -> {
            asked.add(host);
            return URI.create(aws.baseUrl() + "/ping");
        }, Duration.ofMillis(20), Duration.ofSeconds(5));
        assertThat(probe.awaitHealthy("uw.acme.undersign.example")).isEqualTo("healthy");
        assertThat(asked).containsOnly("uw.acme.undersign.example").hasSize(2);
        assertThat(aws.findAll(getRequestedFor(urlEqualTo("/ping")))).hasSize(2);
        assertThat(HttpsProbe.publicPing("uw.acme.undersign.example")).hasToString("https://uw.acme.undersign.example/ping");

        aws.resetAll();
        aws.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(502)));
        HttpsProbe impatient = new HttpsProbe(HttpClient.newHttpClient(), host -> URI.create(aws.baseUrl() + "/ping"),
                Duration.ofMillis(20), Duration.ofMillis(200));
        assertThatThrownBy(() -> impatient.awaitHealthy("api.uw.acme.undersign.example"))
                .hasMessageStartingWith("https://api.uw.acme.undersign.example/ping answered 502 for 0 s");
    }

    private void stubSnapshotStates() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBSnapshots")).inScenario("snapshot")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(xml(describe("creating"))).willSetStateTo("done"));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBSnapshots")).inScenario("snapshot")
                .whenScenarioStateIs("done").willReturn(xml(describe("available"))));
    }

    private static String describe(String status) {
        return """
                <DescribeDBSnapshotsResponse %s><DescribeDBSnapshotsResult><DBSnapshots><DBSnapshot>
                <DBSnapshotIdentifier>undersign-acme-offboarding</DBSnapshotIdentifier><DBInstanceIdentifier>undersign-acme</DBInstanceIdentifier>
                <Status>%s</Status><DBSnapshotArn>arn:aws:rds:eu-west-2:111122223333:snapshot:undersign-acme-offboarding</DBSnapshotArn>
                </DBSnapshot></DBSnapshots></DescribeDBSnapshotsResult><ResponseMetadata><RequestId>d1</RequestId></ResponseMetadata>
                </DescribeDBSnapshotsResponse>""".formatted(RDS_NS, status);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }
}
