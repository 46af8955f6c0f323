package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;

/**
 * The real AWS SDK against a local server speaking Route 53's REST-XML protocol, with responses
 * as the API reference documents them: the exact change batch sent, throttling retried, the
 * change waited on until INSYNC, deletes that match what exists, and Route 53's own errors.
 */
class Route53RecordsTest {
    private static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    private static final String ZONE = "Z0123456789ABCDEF";
    private static final String RRSET = "/2013-04-01/hostedzone/" + ZONE + "/rrset/?";
    private static final String CHANGE = "/2013-04-01/change/C2682N5HXP0BZ4";

    private WireMockServer aws;
    private Route53Records records;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        var client = AwsClients.route53(LocalAws.settings(aws, 4));
        records = new Route53Records(client, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void upsertsBothAliasesInOneBatchRetryingThrottlingAndWaitsForInsync() {
        aws.stubFor(post(urlPathMatching(RRSET)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                        <?xml version="1.0"?>
                        <ErrorResponse %s><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>\
                        <RequestId>4b4f5c1e-1111-2222-3333-444455556666</RequestId></ErrorResponse>""".formatted(NS)))
                .willSetStateTo("accepted"));
        aws.stubFor(post(urlPathMatching(RRSET)).inScenario("throttled").whenScenarioStateIs("accepted")
                .willReturn(xml("""
                        <ChangeResourceRecordSetsResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>\
                        <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>""".formatted(NS))));
        stubChangeTurningInsync();

        String change = records.upsert(ZONE, List.of(
                new Route53Records.Alias("uw.acme.undersign.example", "us-acme-web-1234567890.eu-west-2.elb.amazonaws.com", "ZHURV8PSTC4K8"),
                new Route53Records.Alias("api.uw.acme.undersign.example", "us-acme-api-0987654321.elb.eu-west-2.amazonaws.com", "ZD4D7Y8KGAS4G")),
                "undersign: tenant acme");

        assertThat(change).endsWith("C2682N5HXP0BZ4");
        var sent = aws.findAll(postRequestedFor(urlPathMatching(RRSET)));
        assertThat(sent).as("throttled once, then retried").hasSize(2);
        String body = sent.get(1).getBodyAsString();
        assertThat(body).startsWith("<?xml").contains("<ChangeResourceRecordSetsRequest " + NS + ">")
                .contains("<Comment>undersign: tenant acme</Comment>")
                .contains("<Change><Action>UPSERT</Action><ResourceRecordSet><Name>uw.acme.undersign.example</Name><Type>A</Type>"
                        + "<AliasTarget><HostedZoneId>ZHURV8PSTC4K8</HostedZoneId>"
                        + "<DNSName>us-acme-web-1234567890.eu-west-2.elb.amazonaws.com</DNSName>"
                        + "<EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget></ResourceRecordSet></Change>")
                .contains("<Name>api.uw.acme.undersign.example</Name>").contains("<HostedZoneId>ZD4D7Y8KGAS4G</HostedZoneId>");
        assertThat(sent.get(1).getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/route53/aws4_request");
        assertThat(aws.findAll(getRequestedFor(urlPathMatching(CHANGE)))).as("polled until INSYNC").hasSize(2);
    }

    @Test
    void deletesOnlyTheRecordsThatExistExactlyAsTheyAre() {
        aws.stubFor(get(urlPathMatching(RRSET)).withQueryParam("name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("uw.acme.undersign.example"))
                .willReturn(xml("""
                        <ListResourceRecordSetsResponse %s><ResourceRecordSets><ResourceRecordSet>\
                        <Name>uw.acme.undersign.example.</Name><Type>A</Type><AliasTarget><HostedZoneId>ZHURV8PSTC4K8</HostedZoneId>\
                        <DNSName>us-acme-web-1234567890.eu-west-2.elb.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth>\
                        </AliasTarget></ResourceRecordSet></ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>\
                        </ListResourceRecordSetsResponse>""".formatted(NS))));
        // Route 53 lists from the given name onwards: for a name that is gone, the next one comes back
        aws.stubFor(get(urlPathMatching(RRSET)).withQueryParam("name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("api.uw.acme.undersign.example"))
                .willReturn(xml("""
                        <ListResourceRecordSetsResponse %s><ResourceRecordSets><ResourceRecordSet>\
                        <Name>api.uw.beta.undersign.example.</Name><Type>A</Type><AliasTarget><HostedZoneId>ZD4D7Y8KGAS4G</HostedZoneId>\
                        <DNSName>us-beta-api.elb.eu-west-2.amazonaws.com.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth>\
                        </AliasTarget></ResourceRecordSet></ResourceRecordSets><IsTruncated>true</IsTruncated><MaxItems>1</MaxItems>\
                        </ListResourceRecordSetsResponse>""".formatted(NS))));
        aws.stubFor(post(urlPathMatching(RRSET)).willReturn(xml("""
                <ChangeResourceRecordSetsResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>""".formatted(NS))));
        stubChangeTurningInsync();

        int deleted = records.delete(ZONE, List.of("uw.acme.undersign.example", "api.uw.acme.undersign.example"), "undersign: offboard acme");

        assertThat(deleted).isEqualTo(1);
        String body = aws.findAll(postRequestedFor(urlPathMatching(RRSET))).get(0).getBodyAsString();
        assertThat(body).contains("<Action>DELETE</Action><ResourceRecordSet><Name>uw.acme.undersign.example.</Name>")
                .contains("<DNSName>us-acme-web-1234567890.eu-west-2.elb.amazonaws.com.</DNSName>")
                .doesNotContain("beta");
    }

    @Test
    void nothingToDeleteSendsNoChange() {
        aws.stubFor(get(urlPathMatching(RRSET)).willReturn(xml("""
                <ListResourceRecordSetsResponse %s><ResourceRecordSets/><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>\
                </ListResourceRecordSetsResponse>""".formatted(NS))));
        assertThat(records.delete(ZONE, List.of("uw.acme.undersign.example"), "undersign: offboard acme")).isZero();
        assertThat(aws.findAll(postRequestedFor(urlPathMatching(RRSET)))).isEmpty();
    }

    @Test
    void route53sRefusalComesBackWithItsMessage() {
        // the form Route 53 answers with today (the older <InvalidChangeBatch> root is no longer sent)
        aws.stubFor(post(urlPathMatching(RRSET)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                <?xml version="1.0"?>
                <ErrorResponse %s><Error><Type>Sender</Type><Code>InvalidChangeBatch</Code><Message>[RRSet of type A with DNS name \
                uw.acme.undersign.example. is not permitted in zone example.org.]</Message></Error>\
                <RequestId>ca6b6a9b-f2be-44c9-8d94-f7dfb3448d10</RequestId></ErrorResponse>""".formatted(NS))));
        assertThatThrownBy(() -> records.upsert(ZONE, List.of(new Route53Records.Alias("uw.acme.undersign.example", "x.elb.amazonaws.com",
                "ZHURV8PSTC4K8")), "undersign: tenant acme"))
                .isInstanceOf(InvalidChangeBatchException.class).hasMessageContaining("is not permitted in zone example.org");
        assertThat(aws.findAll(postRequestedFor(urlPathMatching(RRSET)))).as("not retried: it cannot succeed").hasSize(1);
    }

    private void stubChangeTurningInsync() {
        aws.stubFor(get(urlPathMatching(CHANGE)).inScenario("propagation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(changeStatus("PENDING"))).willSetStateTo("propagated"));
        aws.stubFor(get(urlPathMatching(CHANGE)).inScenario("propagation").whenScenarioStateIs("propagated")
                .willReturn(xml(changeStatus("INSYNC"))));
    }

    private static String changeStatus(String status) {
        return """
                <GetChangeResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>%s</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></GetChangeResponse>""".formatted(NS, status);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }
}
