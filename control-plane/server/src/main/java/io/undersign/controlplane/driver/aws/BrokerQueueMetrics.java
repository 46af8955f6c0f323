package io.undersign.controlplane.driver.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * A queue's depth on a tenant's Amazon MQ broker, from CloudWatch ({@code AWS/AmazonMQ QueueSize},
 * published per broker instance: {@code <broker>-1} and {@code <broker>-2} when active/standby).
 * Amazon MQ publishes no age of the oldest message, so that stays unknown on AWS.
 */
public final class BrokerQueueMetrics {
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final CloudWatchClient cloudWatch;

    public BrokerQueueMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** The latest QueueSize over both broker instances (0 when nothing was published: the queue never held a message). */
    public long depth(String broker, String queue) {
        Instant now = Instant.now();
        List<MetricDataQuery> queries = List.of(query("active", broker + "-1", queue), query("standby", broker + "-2", queue));
        return cloudWatch.getMetricData(r -> r.metricDataQueries(queries).startTime(now.minus(WINDOW)).endTime(now)
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING))
                .metricDataResults().stream()
                .map(MetricDataResult::values)
                .filter(values -> !values.isEmpty())
                .mapToLong(values -> Math.round(values.get(0)))
                .max().orElse(0);
    }

    private static MetricDataQuery query(String id, String brokerInstance, String queue) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(60).stat("Maximum")
                .metric(m -> m.namespace("AWS/AmazonMQ").metricName("QueueSize")
                        .dimensions(d -> d.name("Broker").value(brokerInstance), d -> d.name("Queue").value(queue))))
                .build();
    }
}
