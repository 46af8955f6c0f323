package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.oncall.SmsTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The SMS topic on this machine: its subscriptions are rows; a publish reaches them as the delivery
 * records paging writes (shown by {@code undersign oncall deliveries}).
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(LocalSmsTopic.class)
public class LocalSmsTopic implements SmsTopic {
    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<String> subscriptions() {
        return new HashSet<>(em.createNativeQuery("SELECT phone FROM oncall_local_subscription").getResultList());
    }

    @Override
    @Transactional
    public void subscribe(String phone) {
        em.createNativeQuery("INSERT IGNORE INTO oncall_local_subscription (phone, created_at) VALUES (?1, ?2)").setParameter(1, phone)
                .setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
    }

    @Override
    @Transactional
    public void unsubscribe(String phone) {
        em.createNativeQuery("DELETE FROM oncall_local_subscription WHERE phone = ?1").setParameter(1, phone).executeUpdate();
    }

    @Override
    public String publish(String text) {
        return "local-sms:" + UUID.randomUUID();
    }
}
