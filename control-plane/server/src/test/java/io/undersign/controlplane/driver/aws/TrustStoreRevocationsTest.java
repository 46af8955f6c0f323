package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

/**
 * Revocations reaching the API load balancer's trust store, against a local server speaking S3's
 * REST-XML and ELBv2's query protocol with answers shaped as in the API references.
 */
class TrustStoreRevocationsTest {
    private static final String ELB_NS = "xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"";
    private static final String BUCKET = "undersign-trust-stores-eu-west-2";
    private static final String STORE = "arn:aws:elasticloadbalancing:eu-west-2:111122223333:truststore/us-acme-api/73e2d6bc24d8a067";
    private static final String CRL = "-----BEGIN X509 CRL-----\nMIIBzzCBuAIBATANBgkqhkiG9w0BAQsFADA=\n-----END X509 CRL-----\n";

    private WireMockServer aws;
    private ClientTrustFiles files;
    private TrustStoreRevocations revocations;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        var settings = LocalAws.settings(aws, 3);
        files = new ClientTrustFiles(AwsClients.s3(settings, Region.EU_WEST_2), BUCKET);
        revocations = new TrustStoreRevocations(AwsClients.regional(settings, Region.EU_WEST_2).loadBalancing(), files);
        aws.stubFor(put(urlPathEqualTo("/" + BUCKET + "/tenants/acme/revocations/1764411330000.crl.pem"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"6805f2cfc46c0f04559748bb039d69ae\"")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void theNewListIsInForceBeforeTheOneItReplacesIsRemoved() {
        describing(1L);
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations")).willReturn(xml("""
                <AddTrustStoreRevocationsResponse %s><AddTrustStoreRevocationsResult><TrustStoreRevocations><member>
                <TrustStoreArn>%s</TrustStoreArn><RevocationId>2</RevocationId><RevocationType>CRL</RevocationType>
                <NumberOfRevokedEntries>3</NumberOfRevokedEntries></member></TrustStoreRevocations></AddTrustStoreRevocationsResult>
                <ResponseMetadata><RequestId>a1</RequestId></ResponseMetadata></AddTrustStoreRevocationsResponse>""".formatted(ELB_NS, STORE))));
        removing();

        assertThat(revocations.replace(STORE, "acme", Optional.of(CRL), 1764411330000L)).hasValue(2L);

        LoggedRequest upload = aws.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/tenants/acme/revocations/1764411330000.crl.pem"))).get(0);
        assertThat(upload.getBodyAsString()).contains("-----BEGIN X509 CRL-----");
        assertThat(upload.getHeader("Content-Type")).isEqualTo("application/x-pem-file");
        List<LoggedRequest> elb = inOrder(aws.findAll(postRequestedFor(urlEqualTo("/"))));
        assertThat(elb).extracting(r -> action(r)).containsExactly("DescribeTrustStoreRevocations", "AddTrustStoreRevocations",
                "RemoveTrustStoreRevocations");
        assertThat(form(elb.get(1))).contains("TrustStoreArn=" + STORE, "RevocationContents.member.1.S3Bucket=" + BUCKET,
                "RevocationContents.member.1.S3Key=tenants/acme/revocations/1764411330000.crl.pem",
                "RevocationContents.member.1.RevocationType=CRL");
        assertThat(form(elb.get(2))).contains("RevocationIds.member.1=1").doesNotContain("RevocationIds.member.2");
        assertThat(elb.get(0).getLoggedDate()).isBeforeOrEqualTo(upload.getLoggedDate());
    }

    @Test
    void aListTheLoadBalancerRefusesLeavesTheCurrentOneInForce() {
        describing(1L);
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse %s><Error><Type>Sender</Type><Code>InvalidRevocationContent</Code>\
                        <Message>The provided revocation file is an invalid format, or uses an incorrect algorithm.</Message></Error>\
                        <RequestId>e1</RequestId></ErrorResponse>""".formatted(ELB_NS))));
        removing();

        assertThatThrownBy(() -> revocations.replace(STORE, "acme", Optional.of(CRL), 1764411330000L))
                .isInstanceOf(ElasticLoadBalancingV2Exception.class).hasMessageContaining("invalid format");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=RemoveTrustStoreRevocations"))))
                .as("the list in force stays").isEmpty();
    }

    @Test
    void aConcurrentRevocationThatRemovedAListFirstIsNoFailure() {
        // in force: 1 and 4; another revocation removes 1 while this one adds 7
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTrustStoreRevocations")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("raced").willReturn(describe(1L, 4L)));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTrustStoreRevocations")).inScenario("race")
                .whenScenarioStateIs("raced").willReturn(describe(4L, 7L, 8L)));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations")).willReturn(xml("""
                <AddTrustStoreRevocationsResponse %s><AddTrustStoreRevocationsResult><TrustStoreRevocations><member>
                <TrustStoreArn>%s</TrustStoreArn><RevocationId>7</RevocationId><RevocationType>CRL</RevocationType>
                </member></TrustStoreRevocations></AddTrustStoreRevocationsResult></AddTrustStoreRevocationsResponse>""".formatted(ELB_NS, STORE))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=RemoveTrustStoreRevocations"))
                .withRequestBody(containing("RevocationIds.member.2=4")).atPriority(1).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "text/xml").withBody("""
                                <ErrorResponse %s><Error><Type>Sender</Type><Code>RevocationIdNotFound</Code>\
                                <Message>The specified revocation ID does not exist.</Message></Error><RequestId>e2</RequestId>\
                                </ErrorResponse>""".formatted(ELB_NS))));
        removing();

        assertThat(revocations.replace(STORE, "acme", Optional.of(CRL), 1764411330000L)).hasValue(7L);

        List<String> removals = inOrder(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=RemoveTrustStoreRevocations")))).stream().map(r -> form(r)).toList();
        assertThat(removals).hasSize(2);
        assertThat(removals.get(1)).as("only what is left of the superseded ones: not the new 7, nor 8 added since")
                .contains("RevocationIds.member.1=4").doesNotContain("RevocationIds.member.2");
    }

    @Test
    void withNothingRevokedNoListIsKept() {
        describing(4L, 5L);
        removing();
        assertThat(revocations.replace(STORE, "acme", Optional.empty(), 1764411330000L)).isEmpty();
        assertThat(aws.findAll(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/tenants/acme/revocations/1764411330000.crl.pem")))).isEmpty();
        LoggedRequest removal = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=RemoveTrustStoreRevocations"))).get(0);
        assertThat(form(removal)).contains("RevocationIds.member.1=4", "RevocationIds.member.2=5");
    }

    @Test
    void theClientCaGoesWhereTheStackReadsItAndOffboardingRemovesEverything() {
        aws.stubFor(put(urlPathEqualTo("/" + BUCKET + "/tenants/acme/client-ca.pem")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
        assertThat(files.putClientCa("acme", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))
                .isEqualTo(io.undersign.contract.SiloNames.clientCaKey("acme")).isEqualTo("tenants/acme/client-ca.pem");

        aws.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2")).willReturn(xml("""
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>%s</Name><Prefix>tenants/acme/</Prefix>\
                <KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>\
                <Contents><Key>tenants/acme/client-ca.pem</Key><LastModified>2026-11-29T10:00:00.000Z</LastModified>\
                <ETag>"9b2cf535f27731c974343645a3985328"</ETag><Size>1200</Size><StorageClass>STANDARD</StorageClass></Contents>\
                <Contents><Key>tenants/acme/revocations/1764411330000.crl.pem</Key><LastModified>2026-11-29T10:15:30.000Z</LastModified>\
                <ETag>"6805f2cfc46c0f04559748bb039d69ae"</ETag><Size>700</Size><StorageClass>STANDARD</StorageClass></Contents>\
                </ListBucketResult>""".formatted(BUCKET))));
        aws.stubFor(post(urlPathEqualTo("/" + BUCKET)).withQueryParam("delete", matching(".*")).willReturn(xml(
                "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>")));

        assertThat(files.deleteTenant("acme")).isEqualTo(2);
        LoggedRequest listing = aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/" + BUCKET))).get(0);
        assertThat(listing.queryParameter("prefix").firstValue()).isEqualTo("tenants/acme/");
        assertThat(listing.queryParameter("list-type").firstValue()).isEqualTo("2");
        String deletion = aws.findAll(postRequestedFor(urlPathEqualTo("/" + BUCKET))).get(0).getBodyAsString();
        assertThat(deletion).contains("<Key>tenants/acme/client-ca.pem</Key>", "<Key>tenants/acme/revocations/1764411330000.crl.pem</Key>",
                "<Quiet>true</Quiet>");
    }

    private void describing(Long... ids) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTrustStoreRevocations")).willReturn(describe(ids)));
    }

    private static ResponseDefinitionBuilder describe(Long... ids) {
        StringBuilder members = new StringBuilder();
        for (Long id : ids) {
            members.append("<member><TrustStoreArn>").append(STORE).append("</TrustStoreArn><RevocationId>").append(id)
                    .append("</RevocationId><RevocationType>CRL</RevocationType><NumberOfRevokedEntries>2</NumberOfRevokedEntries></member>");
        }
        return xml("""
                <DescribeTrustStoreRevocationsResponse %s><DescribeTrustStoreRevocationsResult><TrustStoreRevocations>%s\
                </TrustStoreRevocations></DescribeTrustStoreRevocationsResult><ResponseMetadata><RequestId>d1</RequestId>\
                </ResponseMetadata></DescribeTrustStoreRevocationsResponse>""".formatted(ELB_NS, members));
    }

    private void removing() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=RemoveTrustStoreRevocations")).willReturn(xml("""
                <RemoveTrustStoreRevocationsResponse %s><RemoveTrustStoreRevocationsResult/><ResponseMetadata>\
                <RequestId>r1</RequestId></ResponseMetadata></RemoveTrustStoreRevocationsResponse>""".formatted(ELB_NS))));
    }

    private static List<LoggedRequest> inOrder(List<LoggedRequest> requests) {
        return requests.stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static String action(LoggedRequest request) {
        return form(request).replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
    }

    private static String form(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }
}
