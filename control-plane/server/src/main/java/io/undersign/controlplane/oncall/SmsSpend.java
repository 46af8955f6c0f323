package io.undersign.controlplane.oncall;

import java.math.BigDecimal;

/** What texts have cost this month so far (aws: CloudWatch's SMSMonthToDateSpentUSD). */
public interface SmsSpend {
    BigDecimal monthToDateUsd();
}
