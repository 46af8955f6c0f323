package io.undersign.controlplane.driver.aws;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * An SNS topic used for texts: one {@code sms} subscription per phone; a publish to the topic texts
 * them all. Subscriptions are read from the topic each time, so a sync works from what AWS holds.
 */
final class SnsSms {
    private final SnsClient sns;
    private final String topicArn;

    SnsSms(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Phone (E.164) to subscription ARN, for the topic's SMS subscriptions. */
    Map<String, String> subscriptions() {
        Map<String, String> byPhone = new HashMap<>();
        for (Subscription s : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()) {
            if ("sms".equals(s.protocol())) {
                byPhone.put(s.endpoint(), s.subscriptionArn());
            }
        }
        return byPhone;
    }

    void subscribe(String phone) {
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sms").endpoint(phone).returnSubscriptionArn(true));
    }

    void unsubscribe(String phone) {
        String arn = subscriptions().get(phone);
        // "PendingConfirmation" is no ARN (SMS subscriptions never wait, but a stray one may): nothing to remove yet
        if (arn != null && arn.startsWith("arn:")) {
            sns.unsubscribe(r -> r.subscriptionArn(arn));
        }
    }

    String publish(String text) {
        return sns.publish(r -> r.topicArn(topicArn).message(text)).messageId();
    }
}
