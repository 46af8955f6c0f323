package io.undersign.controlplane.oncall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Makes the SMS topic's subscriptions the P2 subscribers' phones: subscribes the missing, unsubscribes
 * the rest. Works from what both sides hold now, so running it twice changes nothing the second time.
 */
@ApplicationScoped
public class SubscriptionSync {
    private static final Logger LOG = Logger.getLogger(SubscriptionSync.class);

    @Inject
    RotaStore rota;

    @Inject
    SmsTopic topic;

    public record Result(Set<String> subscribed, Set<String> unsubscribed, Set<String> now) {
    }

    /** After a rota change has committed: a topic that cannot be reached now is synced by the next minute's check. */
    public void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warnf("SMS topic not synchronised now (%s): the minute's check tries again", e.getMessage());
        }
    }

    public synchronized Result sync() {
        Set<String> wanted = rota.p2Phones();
        Set<String> current = topic.subscriptions();
        Set<String> add = new TreeSet<>(wanted);
        add.removeAll(current);
        Set<String> remove = new TreeSet<>(current);
        remove.removeAll(wanted);
        add.forEach(topic::subscribe);
        remove.forEach(topic::unsubscribe);
        if (!add.isEmpty() || !remove.isEmpty()) {
            LOG.infof("SMS topic subscriptions synchronised: %d subscribed, %d unsubscribed", add.size(), remove.size());
        }
        return new Result(add, remove, new TreeSet<>(wanted));
    }
}
