package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.OncallDelivery;
import io.undersign.controlplane.oncall.SmsSpend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Texts sent since the month began (UTC, as SNS counts) at a configured price each. */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(LocalSmsSpend.class)
public class LocalSmsSpend implements SmsSpend {
    @Inject
    EntityManager em;

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public BigDecimal monthToDateUsd() {
        var monthStart = YearMonth.now(clock.withZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long sent = em.createQuery("select count(d) from OncallDelivery d where d.channel = ?1 and d.status = ?2 and d.createdAt >= ?3", Long.class)
                .setParameter(1, OncallDelivery.Channel.SMS).setParameter(2, OncallDelivery.Status.SENT).setParameter(3, monthStart).getSingleResult();
        return config.oncall().localSmsPriceUsd().multiply(BigDecimal.valueOf(sent));
    }
}
