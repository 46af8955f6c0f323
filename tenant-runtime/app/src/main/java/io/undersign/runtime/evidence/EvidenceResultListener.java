package io.undersign.runtime.evidence;

import io.undersign.contract.EvidenceQueues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.runtime.TenantConfig;
import io.undersign.runtime.broker.BrokerReady;
import io.undersign.runtime.cases.CaseNotFoundException;
import io.undersign.runtime.cases.EvidenceIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.jboss.logging.Logger;

/**
 * Consumes the tenant's evidence results in a transacted session: a result is acknowledged only
 * after the database committed its effect (so a crash redelivers it, and the store's
 * one-result-per-request rule makes the redelivery a no-op). A result that can never apply goes to
 * the dead-letter queue with the reason; one that failed for a passing cause (the database
 * away) is rolled back and redelivered with backoff, then dead-lettered by the broker.
 */
@ApplicationScoped
public class EvidenceResultListener {
    private static final Logger LOG = Logger.getLogger(EvidenceResultListener.class);

    @Inject
    EvidenceIntake intake;

    @Inject
    TenantConfig config;

    @Inject
    ObjectMapper json;

    /** Several sessions consume side by side: each result waits mostly on two disk syncs, not on CPU. */
    void start(@Observes BrokerReady ready) throws JMSException {
        String tenant = config.tenant().id();
        for (int i = 0; i < config.broker().resultConsumers(); i++) {
            Session session = ready.connection().createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer deadLetters = session.createProducer(session.createQueue(EvidenceQueues.of(tenant).deadLetters()));
            deadLetters.setDeliveryMode(DeliveryMode.PERSISTENT);
            session.createConsumer(session.createQueue(EvidenceQueues.of(tenant).results()))
                    .setMessageListener(new SessionConsumer(session, deadLetters));
        }
    }

    /** One transacted session's listener (JMS sessions are single-threaded). */
    private final class SessionConsumer implements MessageListener {
        private final Session session;
        private final MessageProducer deadLetters;

        SessionConsumer(Session session, MessageProducer deadLetters) {
            this.session = session;
            this.deadLetters = deadLetters;
        }

        @Override
        public void onMessage(Message message) {
            try {
                try {
                    String text = message instanceof TextMessage t ? t.getText() : null;
                    EvidenceMessages.Result result = EvidenceMessages.parseResult(json, text);
                    EvidenceIntake.Applied applied = intake.apply(result);
                    LOG.debugf("Evidence result %s for case %s: %s", result.requestId(), result.caseId(), applied);
                } catch (MalformedEvidenceException e) {
                    deadLetter(message, e.getMessage());
                } catch (CaseNotFoundException e) {
                    deadLetter(message, "caseId: no such case");
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                LOG.warnf("Evidence result %s not applied, to be redelivered: %s", messageId(message), e.getMessage());
                rollback();
            }
        }

        private void deadLetter(Message original, String reason) throws JMSException {
            LOG.warnf("Evidence result %s dead-lettered: %s", messageId(original), reason);
            TextMessage copy = session.createTextMessage(original instanceof TextMessage t ? t.getText() : null);
            copy.setStringProperty(EvidenceMessages.DEAD_LETTER_REASON, reason);
            copy.setStringProperty("originalMessageId", original.getJMSMessageID());
            deadLetters.send(copy);
        }

        private void rollback() {
            try {
                session.rollback();
            } catch (JMSException e) {
                LOG.warnf("Rollback failed: %s", e.getMessage());
            }
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
