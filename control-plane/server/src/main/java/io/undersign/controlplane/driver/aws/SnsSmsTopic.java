package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.SmsTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The P2 text channel on AWS: an SNS topic with one {@code sms} subscription per P2 subscriber's phone;
 * a publish to the topic texts them all. Subscriptions are read from the topic itself each time, so a
 * sync works from what AWS holds, not from what the control plane last did.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(SnsSmsTopic.class)
public class SnsSmsTopic implements SmsTopic {
    @Inject
    AwsClients clients;

    @Inject
    UndersignConfig config;

    @Override
    public Set<String> subscriptions() {
        return smsSubscriptions().keySet();
    }

    @Override
    public void subscribe(String phone) {
        clients.sns().subscribe(r -> r.topicArn(topic()).protocol("sms").endpoint(phone).returnSubscriptionArn(true));
    }

    @Override
    public void unsubscribe(String phone) {
        String arn = smsSubscriptions().get(phone);
        // "PendingConfirmation" is no ARN (SMS subscriptions never wait, but a stray one may): nothing to remove yet
        if (arn != null && arn.startsWith("arn:")) {
            clients.sns().unsubscribe(r -> r.subscriptionArn(arn));
        }
    }

    @Override
    public String publish(String text) {
        return clients.sns().publish(r -> r.topicArn(topic()).message(text)).messageId();
    }

    private Map<String, String> smsSubscriptions() {
        Map<String, String> byPhone = new HashMap<>();
        for (Subscription s : clients.sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(topic())).subscriptions()) {
            if ("sms".equals(s.protocol())) {
                byPhone.put(s.endpoint(), s.subscriptionArn());
            }
        }
        return byPhone;
    }

    private String topic() {
        return config.aws().oncallSmsTopicArn().orElseThrow(() -> new IllegalStateException("undersign.aws.oncall-sms-topic-arn is not set"));
    }
}
