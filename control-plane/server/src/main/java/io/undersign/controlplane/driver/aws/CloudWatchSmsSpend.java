package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.SmsSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * SNS's own figure: {@code AWS/SNS SMSMonthToDateSpentUSD}, the latest datapoint of the last six
 * hours taken this month (SNS publishes it a few times an hour while texts go out; last month's
 * figure does not count on the 1st). No datapoint: nothing spent.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(CloudWatchSmsSpend.class)
public class CloudWatchSmsSpend implements SmsSpend {
    @Inject
    AwsClients clients;

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    private static Instant monthStart(Instant now) {
        return java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    @Override
    public BigDecimal monthToDateUsd() {
        Instant now = clock.instant();
        return clients.cloudWatch(config.aws().region()).getMetricStatistics(r -> r.namespace("AWS/SNS").metricName("SMSMonthToDateSpentUSD")
                .startTime(now.minus(Duration.ofHours(6))).endTime(now).period(300).statistics(Statistic.MAXIMUM))
                .datapoints().stream().filter(d -> !d.timestamp().isBefore(monthStart(now))).max(Comparator.comparing(Datapoint::timestamp))
                .map(d -> BigDecimal.valueOf(d.maximum())).orElse(BigDecimal.ZERO);
    }
}
