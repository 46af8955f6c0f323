package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.SmsSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;

/** Month-to-date SMS spend on AWS (see {@link SmsSpendMetric}). */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(CloudWatchSmsSpend.class)
public class CloudWatchSmsSpend implements SmsSpend {
    @Inject
    AwsClients clients;

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    @Override
    public BigDecimal monthToDateUsd() {
        return new SmsSpendMetric(clients.cloudWatch(config.aws().region())).monthToDateUsd(clock.instant());
    }
}
