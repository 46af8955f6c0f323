package io.undersign.controlplane.oncall;

import io.undersign.controlplane.api.DomainException;
import java.util.Optional;
import software.amazon.awssdk.messagemanager.sns.SnsMessageManager;
import software.amazon.awssdk.messagemanager.sns.model.SnsMessage;
import software.amazon.awssdk.messagemanager.sns.model.SnsNotification;
import software.amazon.awssdk.messagemanager.sns.model.SnsSubscriptionConfirmation;
import org.jboss.logging.Logger;

/**
 * What SNS posts to the control plane's inbound-SMS endpoint: every message is verified by the SDK's
 * message manager (signature over the canonical fields, signing certificate fetched from an SNS host
 * and issued to SNS) before anything is read from it, and it must come from the inbound topic. A
 * subscription confirmation is confirmed through the SNS API (never by following a URL from the
 * body); a notification's message is the Pinpoint two-way event.
 */
public final class SnsInbound {
    private static final Logger LOG = Logger.getLogger(SnsInbound.class);

    public interface Confirmer {
        void confirm(String topicArn, String token);
    }

    public sealed interface Outcome {
    }

    public record Confirmed(String topicArn) implements Outcome {
    }

    public record Notification(String messageId, String message) implements Outcome {
    }

    public record Ignored(String why) implements Outcome {
    }

    private final SnsMessageManager verifier;
    private final String inboundTopicArn;
    private final Confirmer confirmer;

    public SnsInbound(SnsMessageManager verifier, String inboundTopicArn, Confirmer confirmer) {
        this.verifier = verifier;
        this.inboundTopicArn = inboundTopicArn;
        this.confirmer = confirmer;
    }

    public Outcome accept(String body) {
        SnsMessage message;
        try {
            message = verifier.parseMessage(body == null ? "" : body);
        } catch (RuntimeException e) {
            // whatever the verifier cannot take (bad JSON, missing fields, bad signature, foreign certificate) is refused
            LOG.warnf("SNS message refused: %s", e.getMessage());
            throw new DomainException(DomainException.Kind.FORBIDDEN, "sns-signature", "Signature",
                    "not a message signed by SNS: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        }
        if (!inboundTopicArn.equals(message.topicArn())) {
            LOG.warnf("SNS message from topic %s refused: only %s is read", message.topicArn(), inboundTopicArn);
            throw new DomainException(DomainException.Kind.FORBIDDEN, "sns-topic", "TopicArn", "messages are read from the inbound SMS topic only");
        }
        if (message instanceof SnsSubscriptionConfirmation c) {
            confirmer.confirm(c.topicArn(), c.token());
            return new Confirmed(c.topicArn());
        }
        if (message instanceof SnsNotification n) {
            return new Notification(n.messageId(), n.message());
        }
        return new Ignored(message.type() + " needs nothing");
    }

}
