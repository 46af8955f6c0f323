package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Queue depth from CloudWatch, whose SDK speaks Smithy RPC v2 CBOR: a local server answering in CBOR. */
class BrokerQueueMetricsTest {
    private static final String GET_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private WireMockServer aws;
    private BrokerQueueMetrics metrics;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        var settings = LocalAws.settings(aws, 3);
        metrics = new BrokerQueueMetrics(AwsClients.cloudWatch(settings, Region.EU_WEST_2));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void readsTheLatestDepthOverBothBrokerInstances() throws Exception {
        aws.stubFor(post(urlEqualTo(GET_METRIC_DATA)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(results(7.0, 3.0))));

        assertThat(metrics.depth("undersign-acme", "undersign.acme.evidence.results")).isEqualTo(7);

        var sent = aws.findAll(postRequestedFor(urlEqualTo(GET_METRIC_DATA))).get(0);
        assertThat(sent.getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        JsonNode body = CBOR.readTree(sent.getBody());
        assertThat(body.at("/MetricDataQueries/0/MetricStat/Metric/Namespace").asText()).isEqualTo("AWS/AmazonMQ");
        assertThat(body.at("/MetricDataQueries/0/MetricStat/Metric/MetricName").asText()).isEqualTo("QueueSize");
        assertThat(body.at("/MetricDataQueries/0/MetricStat/Metric/Dimensions").toString())
                .contains("undersign-acme-1").contains("undersign.acme.evidence.results");
        assertThat(body.at("/MetricDataQueries/1/MetricStat/Metric/Dimensions").toString()).contains("undersign-acme-2");
        assertThat(body.at("/ScanBy").asText()).isEqualTo("TimestampDescending");
    }

    @Test
    void aQueueThatNeverHeldAMessageHasNoDataAndCountsAsEmpty() throws Exception {
        aws.stubFor(post(urlEqualTo(GET_METRIC_DATA)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/cbor").withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(results())));
        assertThat(metrics.depth("undersign-acme", "undersign.acme.evidence.results.DLQ")).isZero();
    }

    /** A GetMetricData answer: the active instance's latest values (newest first), the standby's none. */
    private static byte[] results(double... activeValues) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("MetricDataResults");
            writeResult(g, "active", activeValues);
            writeResult(g, "standby");
            g.writeEndArray();
            g.writeArrayFieldStart("Messages");
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeResult(CBORGenerator g, String id, double... values) throws Exception {
        g.writeStartObject();
        g.writeStringField("Id", id);
        g.writeStringField("Label", "QueueSize");
        g.writeArrayFieldStart("Timestamps");
        long now = Instant.parse("2026-11-29T12:00:00Z").getEpochSecond();
        for (int i = 0; i < values.length; i++) {
            g.writeTag(1); // epoch-based date/time, as the protocol encodes timestamps
            g.writeNumber((double) (now - 60L * i));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Values");
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeStringField("StatusCode", "Complete");
        g.writeEndObject();
    }
}
