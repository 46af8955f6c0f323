package io.undersign.controlplane.oncall;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.incident.Incident;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.oncall.Escalation;
import io.undersign.oncall.Priority;
import io.undersign.oncall.Rota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Pages for open incidents: each step of an incident's escalation runs under its row lock, decided by
 * the on-call core from the rota as stored, and every call or text is recorded with its outcome.
 */
@ApplicationScoped
public class Paging {
    private static final Logger LOG = Logger.getLogger(Paging.class);
    private static final int SUMMARY_IN_TEXT = 300;

    @Inject
    Incidents incidents;

    @Inject
    RotaStore rota;

    @Inject
    VoiceCalls calls;

    @Inject
    SmsTopic sms;

    @Inject
    SmsBudgetWatch budget;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UndersignConfig config;

    /** Ids of open incidents whose next step is due. */
    @Transactional
    public List<Long> due() {
        return em.createQuery("select i.id from Incident i where i.nextEscalationAt <= ?1 and i.status = ?2 order by i.nextEscalationAt", Long.class)
                .setParameter(1, clock.instant()).setParameter(2, Incident.OPEN).setMaxResults(100).getResultList();
    }

    /** Runs the incident's step that is due, if it still is (another replica may have run it). */
    @Transactional
    public void advance(long id) {
        Incident incident = incidents.locked(id).orElse(null);
        Instant now = clock.instant();
        if (incident == null || !Incident.OPEN.equals(incident.status) || incident.nextEscalationAt == null || incident.nextEscalationAt.isAfter(now)) {
            return;
        }
        Priority priority = Priority.parse(incident.priority, "priority");
        if (priority == Priority.P2 && inhibit(incident, now)) {
            return;
        }
        Escalation escalation = new Escalation(config.oncall().ackTimeout());
        Escalation.State state = new Escalation.State(priority, incident.escalationStep, incident.nextEscalationAt, incident.pagedAnyone);
        Rota current = rota.load(now);
        Escalation.Decision decision = escalation.advance(state, current, now);
        if (decision.outcome() == Escalation.Outcome.WAITING) {
            return;
        }
        decision.notes().forEach(note -> incidents.event(id, "passed-over", note, null));
        if (priority == Priority.P1) {
            markUnanswered(id, now);
        }
        if (decision.outcome() == Escalation.Outcome.PAGED) {
            dispatch(incident, priority, decision.pages(), now);
        }
        incident.escalationStep = decision.state().nextStep();
        incident.nextEscalationAt = decision.state().nextAt();
        incident.pagedAnyone = decision.state().pagedAnyone();
        incident.routing = switch (decision.outcome()) {
            case PAGED -> Incident.Routing.PAGED;
            case EXHAUSTED -> Incident.Routing.EXHAUSTED;
            case UNROUTED -> Incident.Routing.UNROUTED;
            case WAITING -> incident.routing;
        };
        if (decision.outcome() == Escalation.Outcome.UNROUTED) {
            incidents.event(id, "unrouted", "nobody on the rota could be reached: the incident waits here for someone to take it", null);
            LOG.errorf("Incident %d (%s) is UNROUTED: nobody on the rota could be reached", id, incident.key);
        } else if (decision.outcome() == Escalation.Outcome.EXHAUSTED) {
            incidents.event(id, "exhausted", "every line was called; nobody acknowledged", null);
        }
        incident.updatedAt = now;
    }

    /**
     * Alertmanager's inhibition: a P2 about a subject an open P1 already covers (a tenant's dead letters
     * while its runtime is down) is recorded and shown, not paged: the P1 is being worked on.
     */
    private boolean inhibit(Incident incident, Instant now) {
        java.util.Optional<String> subject = Incident.subjectOf(incident.key);
        if (subject.isEmpty()) {
            return false;
        }
        Incident cover = em.createQuery("from Incident where priority = 'P1' and status in ?1 and id <> ?2 order by id", Incident.class)
                .setParameter(1, Incident.OPEN_STATES).setParameter(2, incident.id).getResultStream()
                .filter(p1 -> Incident.subjectOf(p1.key).equals(subject)).findFirst().orElse(null);
        if (cover == null) {
            return false;
        }
        incident.routing = Incident.Routing.INHIBITED;
        incident.nextEscalationAt = null;
        incident.updatedAt = now;
        incidents.event(incident.id, "inhibited", "not paged: incident " + cover.id + " (P1, " + cover.key + ") covers " + subject.get(), null);
        return true;
    }

    private void dispatch(Incident incident, Priority priority, List<Escalation.Page> pages, Instant now) {
        if (pages.get(0).channel() == Escalation.Channel.VOICE) {
            Escalation.Page page = pages.get(0);
            OncallDelivery d = delivery(incident, page, voiceMessage(incident), now);
            try {
                d.providerRef = calls.call(page.member().phone(), d.body, d);
                d.status = OncallDelivery.Status.RINGING;
                incidents.event(incident.id, "called", "called " + page.member().name() + " (" + line(page) + ")", null);
            } catch (RuntimeException e) {
                failed(incident, d, e);
            }
            return;
        }
        String text = textMessage(incident);
        boolean held = budget.holdsBack(priority);
        String ref = null;
        RuntimeException failure = null;
        if (!held) {
            try {
                ref = sms.publish(text);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (Escalation.Page page : pages) {
            OncallDelivery d = delivery(incident, page, text, now);
            if (held) {
                d.status = OncallDelivery.Status.HELD;
                d.detail = "the month's SMS budget is spent";
            } else if (failure != null) {
                d.status = OncallDelivery.Status.FAILED;
                d.detail = failure.getMessage();
            } else {
                d.status = OncallDelivery.Status.SENT;
                d.providerRef = ref;
            }
        }
        incidents.event(incident.id, held ? "held" : failure != null ? "failed" : "texted",
                (held ? "not texted (the month's SMS budget is spent) to " : failure != null ? "texting failed (" + failure.getMessage() + ") to " : "texted ")
                        + pages.size() + " P2 subscriber(s)", null);
        if (!held && failure == null) {
            budget.check();
        }
    }

    private void failed(Incident incident, OncallDelivery d, RuntimeException e) {
        d.status = OncallDelivery.Status.FAILED;
        d.detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        incidents.event(incident.id, "failed", "the call could not be placed: " + d.detail, null);
        LOG.errorf("Paging for incident %d failed: %s", incident.id, d.detail);
    }

    private OncallDelivery delivery(Incident incident, Escalation.Page page, String body, Instant now) {
        OncallDelivery d = OncallDelivery.to(incident.id, page.channel() == Escalation.Channel.VOICE ? OncallDelivery.Channel.VOICE
                : OncallDelivery.Channel.SMS, page.role(), page.member().id(), page.member().phone(), body, OncallDelivery.Status.QUEUED, now);
        em.persist(d);
        return d;
    }

    private void markUnanswered(long incidentId, Instant now) {
        em.createQuery("update OncallDelivery set status = ?1, updatedAt = ?2 where incidentId = ?3 and status = ?4")
                .setParameter(1, OncallDelivery.Status.NO_ANSWER).setParameter(2, now).setParameter(3, incidentId)
                .setParameter(4, OncallDelivery.Status.RINGING).executeUpdate();
    }

    private static String line(Escalation.Page page) {
        return page.role().name().toLowerCase(Locale.ROOT);
    }

    static String voiceMessage(Incident incident) {
        return "Undersign priority one incident " + incident.id + ": " + shortSummary(incident) + ". Press 1 to acknowledge.";
    }

    static String textMessage(Incident incident) {
        return "Undersign " + incident.priority + " #" + incident.id + ": " + shortSummary(incident) + " - reply ACK " + incident.ackCode;
    }

    private static String shortSummary(Incident incident) {
        String s = incident.summary == null ? "" : incident.summary;
        return s.length() <= SUMMARY_IN_TEXT ? s : s.substring(0, SUMMARY_IN_TEXT - 1) + "…";
    }
}
