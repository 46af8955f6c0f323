package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.SmsTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The P2 text channel on AWS: the platform's on-call SMS topic (see {@link SnsSms}). */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(SnsSmsTopic.class)
public class SnsSmsTopic implements SmsTopic {
    @Inject
    AwsClients clients;

    @Inject
    UndersignConfig config;

    @Override
    public Set<String> subscriptions() {
        return sms().subscriptions().keySet();
    }

    @Override
    public void subscribe(String phone) {
        sms().subscribe(phone);
    }

    @Override
    public void unsubscribe(String phone) {
        sms().unsubscribe(phone);
    }

    @Override
    public String publish(String text) {
        return sms().publish(text);
    }

    private SnsSms sms() {
        return new SnsSms(clients.sns(), config.aws().oncallSmsTopicArn()
                .orElseThrow(() -> new IllegalStateException("undersign.aws.oncall-sms-topic-arn is not set")));
    }
}
