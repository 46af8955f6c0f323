package io.undersign.controlplane.driver.aws;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * SNS's own figure: {@code AWS/SNS SMSMonthToDateSpentUSD}, the latest datapoint of the last six hours
 * taken this month (SNS publishes it a few times an hour while texts go out; last month's figure does
 * not count on the 1st). No datapoint: nothing spent.
 */
final class SmsSpendMetric {
    private final CloudWatchClient cloudWatch;

    SmsSpendMetric(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    BigDecimal monthToDateUsd(Instant now) {
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return cloudWatch.getMetricStatistics(r -> r.namespace("AWS/SNS").metricName("SMSMonthToDateSpentUSD")
                .startTime(now.minus(Duration.ofHours(6))).endTime(now).period(300).statistics(Statistic.MAXIMUM))
                .datapoints().stream().filter(d -> !d.timestamp().isBefore(monthStart)).max(Comparator.comparing(Datapoint::timestamp))
                .map(d -> BigDecimal.valueOf(d.maximum())).orElse(BigDecimal.ZERO);
    }
}
