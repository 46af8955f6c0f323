package io.undersign.controlplane.oncall;

import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.incident.Incident;
import io.undersign.oncall.InboundSms;
import io.undersign.oncall.OncallException;
import io.undersign.oncall.SmsReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A text sent to the platform's number, as Pinpoint's two-way event. From a rota member, {@code ACK
 * <code>} acknowledges that incident; any other text is forwarded, its messageBody alone, to the P2
 * subscribers. From an unknown number nothing changes and nothing is forwarded; it is logged. A
 * malformed event is refused and never forwarded. Each inbound message is handled once.
 */
@ApplicationScoped
public class InboundTexts {
    private static final Logger LOG = Logger.getLogger(InboundTexts.class);

    public enum Outcome {
        ACKNOWLEDGED, UNKNOWN_CODE, FORWARDED, UNKNOWN_SENDER, DUPLICATE, HELD
    }

    public record Handled(Outcome outcome, String detail, Long incidentId) {
    }

    @Inject
    RotaStore rota;

    @Inject
    Acknowledgements acks;

    @Inject
    SmsTopic sms;

    @Inject
    SmsBudgetWatch budget;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Handled handle(String eventJson) {
        InboundSms event;
        try {
            event = InboundSms.parse(eventJson);
        } catch (OncallException e) {
            LOG.warnf("Inbound SMS refused: %s", e.getMessage());
            throw new ValidationException(e.field(), e.getMessage());
        }
        if (em.find(OncallInbound.class, event.inboundMessageId()) != null) {
            return new Handled(Outcome.DUPLICATE, "inbound message " + event.inboundMessageId() + " was handled already", null);
        }
        Optional<OncallMember> sender = rota.memberByPhone(event.originationNumber());
        Handled handled;
        if (sender.isEmpty()) {
            LOG.warnf("Inbound SMS %s from a number not on the rota: ignored", event.inboundMessageId());
            handled = new Handled(Outcome.UNKNOWN_SENDER, "the sender is not on the rota: nothing changed", null);
        } else {
            handled = fromMember(sender.get(), event);
        }
        OncallInbound row = new OncallInbound();
        row.inboundMessageId = event.inboundMessageId();
        row.receivedAt = clock.instant();
        row.origination = event.originationNumber();
        row.outcome = handled.outcome().name();
        row.detail = handled.detail();
        em.persist(row);
        return handled;
    }

    private Handled fromMember(OncallMember member, InboundSms event) {
        Optional<String> code = SmsReply.ackCode(event.messageBody());
        if (code.isPresent()) {
            Optional<Incident> incident = acks.byCode(code.get());
            if (incident.isEmpty()) {
                return new Handled(Outcome.UNKNOWN_CODE, "no open incident has code " + code.get(), null);
            }
            acks.acknowledge(incident.get().id, member.name, "SMS reply");
            return new Handled(Outcome.ACKNOWLEDGED, "incident " + incident.get().id + " acknowledged by " + member.name, incident.get().id);
        }
        if (budget.holdsBack(io.undersign.oncall.Priority.P2)) {
            return new Handled(Outcome.HELD, "not forwarded: the month's SMS budget is spent", null);
        }
        String ref = sms.publish(event.messageBody());
        java.time.Instant now = clock.instant();
        for (OncallMember to : rota.members()) {
            if (to.p2Subscriber) {
                OncallDelivery d = OncallDelivery.to(null, OncallDelivery.Channel.SMS, null, to.id, to.phone, event.messageBody(),
                        OncallDelivery.Status.SENT, now);
                d.providerRef = ref;
                d.detail = "forwarded from " + member.name;
                em.persist(d);
            }
        }
        return new Handled(Outcome.FORWARDED, "forwarded to the P2 subscribers", null);
    }
}
