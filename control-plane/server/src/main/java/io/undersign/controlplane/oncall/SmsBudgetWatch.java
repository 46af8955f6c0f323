package io.undersign.controlplane.oncall;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.oncall.Priority;
import io.undersign.oncall.SmsBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** The month's SMS spend against its budget: a P2 warning from the threshold, P2 texts held once it is spent. */
@ApplicationScoped
public class SmsBudgetWatch {
    private static final Logger LOG = Logger.getLogger(SmsBudgetWatch.class);

    @Inject
    SmsSpend spend;

    @Inject
    Incidents incidents;

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    public SmsBudget budget() {
        return new SmsBudget(config.oncall().smsMonthlyBudgetUsd(), config.oncall().budgetWarnAt());
    }

    /** Spend now; a spend that cannot be read counts as nothing spent, so texts go out (and it is logged). */
    public SmsBudget.Status status() {
        return budget().status(spentOrZero());
    }

    public boolean holdsBack(Priority priority) {
        return budget().holdsBack(priority, io.undersign.oncall.Escalation.Channel.SMS, spentOrZero());
    }

    /** Raises the month's budget incident once the warning threshold is reached. */
    public SmsBudget.Status check() {
        SmsBudget.Status status = status();
        if (status.level() != SmsBudget.Level.OK) {
            String month = YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
            incidents.raise("sms-budget:" + month, "P2", "SMS spend this month is " + status.spentUsd() + " USD of a " + status.budgetUsd()
                    + " USD budget" + (status.level() == SmsBudget.Level.EXHAUSTED ? ": P2 texts are held back until the budget is raised" : ""),
                    "oncall");
        }
        return status;
    }

    private BigDecimal spentOrZero() {
        try {
            return spend.monthToDateUsd();
        } catch (RuntimeException e) {
            LOG.warnf("SMS spend could not be read (%s): texts are not held back", e.getMessage());
            return BigDecimal.ZERO;
        }
    }
}
