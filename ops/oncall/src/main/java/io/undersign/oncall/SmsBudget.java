package io.undersign.oncall;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The month's SMS budget: a warning from 80% spent; P2 texts held back once it is spent. P1 calls are
 * voice and are never held back, whatever SMS has cost.
 */
public record SmsBudget(BigDecimal monthlyUsd, BigDecimal warnAt) {
    public static final BigDecimal DEFAULT_WARN_AT = new BigDecimal("0.80");

    public SmsBudget {
        if (monthlyUsd == null || monthlyUsd.signum() <= 0) {
            throw new OncallException("monthlyUsd", "the monthly SMS budget must be a positive amount");
        }
        if (warnAt == null || warnAt.signum() <= 0 || warnAt.compareTo(BigDecimal.ONE) > 0) {
            throw new OncallException("warnAt", "the warning threshold is a fraction in (0, 1]");
        }
    }

    public enum Level {
        OK, WARNING, EXHAUSTED
    }

    public record Status(BigDecimal spentUsd, BigDecimal budgetUsd, BigDecimal fraction, Level level) {
    }

    public Status status(BigDecimal spentUsd) {
        BigDecimal fraction = spentUsd.divide(monthlyUsd, 4, RoundingMode.HALF_UP);
        Level level = fraction.compareTo(BigDecimal.ONE) >= 0 ? Level.EXHAUSTED : fraction.compareTo(warnAt) >= 0 ? Level.WARNING : Level.OK;
        return new Status(spentUsd, monthlyUsd, fraction, level);
    }

    /** Whether a text for an incident of {@code priority} waits for the next month's budget. */
    public boolean holdsBack(Priority priority, Escalation.Channel channel, BigDecimal spentUsd) {
        return channel == Escalation.Channel.SMS && priority != Priority.P1 && status(spentUsd).level() == Level.EXHAUSTED;
    }
}
