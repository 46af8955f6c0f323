package io.undersign.controlplane.oncall;

import java.util.Set;

/**
 * The P2 text channel: a topic whose subscriptions are the P2 subscribers' phones (local: a table;
 * aws: an SNS topic with SMS subscriptions). Publishing reaches every subscription.
 */
public interface SmsTopic {
    /** The phones (E.164) subscribed now. */
    Set<String> subscriptions();

    void subscribe(String phone);

    void unsubscribe(String phone);

    /** The provider's message id. */
    String publish(String text);
}
