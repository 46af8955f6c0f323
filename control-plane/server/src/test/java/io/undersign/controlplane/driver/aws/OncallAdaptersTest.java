package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The on-call AWS adapters with the real SDK against a local server answering as the API references
 * show: SNS (query protocol, XML), Amazon Connect (REST-JSON), CloudWatch (Smithy RPC v2 CBOR).
 */
class OncallAdaptersTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-2:123456789012:undersign-oncall-sms";
    private static final String SNS_NS = "xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"";

    private WireMockServer aws;
    private AwsClients.Settings settings;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        settings = LocalAws.settings(aws, 3);
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void snsSubscriptionsArePhonesAndATextIsOnePublishToTheTopic() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListSubscriptionsByTopic")).willReturn(xml("""
                <ListSubscriptionsByTopicResponse %s><ListSubscriptionsByTopicResult><Subscriptions>
                  <member><TopicArn>%s</TopicArn><Protocol>sms</Protocol><SubscriptionArn>%s:7f3c</SubscriptionArn><Owner>123456789012</Owner><Endpoint>+447911123111</Endpoint></member>
                  <member><TopicArn>%s</TopicArn><Protocol>email</Protocol><SubscriptionArn>%s:aa01</SubscriptionArn><Owner>123456789012</Owner><Endpoint>ops@example.com</Endpoint></member>
                </Subscriptions></ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>384ac68d-3775-11df-8963-01868b7c937a</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>
                """.formatted(SNS_NS, TOPIC, TOPIC, TOPIC, TOPIC))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Subscribe")).willReturn(xml("""
                <SubscribeResponse %s><SubscribeResult><SubscriptionArn>%s:9b21</SubscriptionArn></SubscribeResult>
                <ResponseMetadata><RequestId>c4407779-24a4-56fa-982c-3d927f93a775</RequestId></ResponseMetadata></SubscribeResponse>""".formatted(SNS_NS, TOPIC))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Unsubscribe")).willReturn(xml("""
                <UnsubscribeResponse %s><ResponseMetadata><RequestId>18e0ac39-3776-11df-84c0-b93cc1666b84</RequestId></ResponseMetadata></UnsubscribeResponse>"""
                .formatted(SNS_NS))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish")).willReturn(xml("""
                <PublishResponse %s><PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
                <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>""".formatted(SNS_NS))));

        SnsSms sms = new SnsSms(AwsClients.sns(settings, Region.EU_WEST_2), TOPIC);
        assertThat(sms.subscriptions()).containsOnlyKeys("+447911123111");
        sms.subscribe("+12015550123");
        sms.unsubscribe("+447911123111");
        assertThat(sms.publish("Undersign P2 #7: dead letters growing - reply ACK 4F7K2Q")).isEqualTo("94f20ce6-13c5-43a0-9a9e-ca52d816e90b");

        assertThat(sent("Action=Subscribe")).contains("Protocol=sms").contains("Endpoint=%2B12015550123").contains("TopicArn=" + enc(TOPIC));
        assertThat(sent("Action=Unsubscribe")).contains("SubscriptionArn=" + enc(TOPIC + ":7f3c"));
        assertThat(URLDecoder.decode(sent("Action=Publish"), StandardCharsets.UTF_8)).contains("Message=Undersign P2 #7: dead letters growing - reply ACK 4F7K2Q");
    }

    @Test
    void aP1CallIsAnOutboundVoiceContactWithTheDeliveryAsClientToken() throws Exception {
        aws.stubFor(put(urlEqualTo("/contact/outbound-voice")).willReturn(okJson("{\"ContactId\":\"b3a4f1c2-1111-4d6e-9a0b-2b7c9d8e7f60\"}")));
        ConnectCalls calls = new ConnectCalls(AwsClients.connect(settings, Region.EU_WEST_2),
                new ConnectCalls.Settings("aaaaaaaa-bbbb-cccc-dddd-111111111111", "12345678-1234-1234-1234-123456789012", "+442071234567"));
        assertThat(calls.call("+447911123111", "Undersign priority one incident 9: the edge is down. Press 1 to acknowledge.", "d-1", 9L))
                .isEqualTo("b3a4f1c2-1111-4d6e-9a0b-2b7c9d8e7f60");
        JsonNode body = new ObjectMapper().readTree(aws.findAll(putRequestedFor(urlEqualTo("/contact/outbound-voice"))).get(0).getBodyAsString());
        assertThat(body.path("DestinationPhoneNumber").asText()).isEqualTo("+447911123111");
        assertThat(body.path("InstanceId").asText()).isEqualTo("aaaaaaaa-bbbb-cccc-dddd-111111111111");
        assertThat(body.path("ContactFlowId").asText()).isEqualTo("12345678-1234-1234-1234-123456789012");
        assertThat(body.path("SourcePhoneNumber").asText()).isEqualTo("+442071234567");
        assertThat(body.path("ClientToken").asText()).isEqualTo("d-1");
        assertThat(body.at("/Attributes/incident").asText()).isEqualTo("9");
    }

    @Test
    void spendIsTheLatestDatapointOfThisMonth() throws Exception {
        String path = "/service/GraniteServiceVersion20100801/operation/GetMetricStatistics";
        Instant now = Instant.parse("2026-12-01T00:20:00Z");
        aws.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(datapoints(Instant.parse("2026-11-30T23:55:00Z"), 41.5, Instant.parse("2026-12-01T00:05:00Z"), 0.02,
                        Instant.parse("2026-12-01T00:15:00Z"), 0.75))));
        assertThat(new SmsSpendMetric(AwsClients.cloudWatch(settings, Region.EU_WEST_2)).monthToDateUsd(now)).isEqualByComparingTo(new BigDecimal("0.75"));
        JsonNode sent = new ObjectMapper(new CBORFactory()).readTree(aws.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBody());
        assertThat(sent.path("Namespace").asText()).isEqualTo("AWS/SNS");
        assertThat(sent.path("MetricName").asText()).isEqualTo("SMSMonthToDateSpentUSD");

        aws.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor").withBody(datapoints(Instant.parse("2026-11-30T23:55:00Z"), 41.5))));
        assertThat(new SmsSpendMetric(AwsClients.cloudWatch(settings, Region.EU_WEST_2)).monthToDateUsd(now))
                .as("last month's figure does not count on the 1st").isEqualByComparingTo(BigDecimal.ZERO);
    }

    private String sent(String action) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(action))).get(0).getBodyAsString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    /** A GetMetricStatistics answer in CBOR: timestamps as epoch seconds under tag 1, as Smithy RPC v2 sends them. */
    private static byte[] datapoints(Object... timeAndValue) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Label", "SMSMonthToDateSpentUSD");
            g.writeArrayFieldStart("Datapoints");
            for (int i = 0; i < timeAndValue.length; i += 2) {
                g.writeStartObject();
                g.writeFieldName("Timestamp");
                g.writeTag(1);
                g.writeNumber(((Instant) timeAndValue[i]).getEpochSecond());
                g.writeNumberField("Maximum", (Double) timeAndValue[i + 1]);
                g.writeStringField("Unit", "None");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
