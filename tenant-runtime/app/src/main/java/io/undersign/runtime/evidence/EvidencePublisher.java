package io.undersign.runtime.evidence;

import io.undersign.contract.EvidenceQueues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.undersign.runtime.TenantConfig;
import io.undersign.runtime.broker.BrokerReady;
import io.undersign.runtime.cases.CaseRepository;
import io.undersign.runtime.cases.StoredCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The outbox's publisher: sends evidence requests that are committed but not yet on the broker,
 * right after the unit of work that added them commits, and in a sweep every second (which also
 * covers a crash or a broker outage in between). A request is marked published only after the
 * broker acknowledged the persistent send; a crash in that gap sends it again with the same
 * requestId, which providers treat as the same request.
 */
@ApplicationScoped
public class EvidencePublisher {
    private static final Logger LOG = Logger.getLogger(EvidencePublisher.class);
    private static final int BATCH = 100;
    private static final int MARK_ATTEMPTS = 5;

    @Inject
    EvidenceStore store;

    @Inject
    CaseRepository cases;

    @Inject
    TenantConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    java.time.Clock clock;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evidence-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();
    private Session session;
    private MessageProducer producer;

    void start(@Observes BrokerReady ready) throws JMSException {
        session = ready.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(EvidenceQueues.of(config.tenant().id()).requests()));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        worker.scheduleWithFixedDelay(this::publishPending, 0, 1, TimeUnit.SECONDS);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EvidenceRequested requested) {
        if (kicked.compareAndSet(false, true)) {
            worker.execute(this::publishPending);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void publishPending() {
        kicked.set(false);
        if (producer == null) {
            return;
        }
        try {
            List<EvidenceStore.Request> pending;
            do {
                pending = store.unpublished(BATCH);
                for (EvidenceStore.Request request : pending) {
                    publish(request);
                }
            } while (pending.size() == BATCH);
        } catch (JMSException | RuntimeException e) {
            // left unpublished: the next sweep tries again
            LOG.warnf("Evidence requests not published yet: %s", e.getMessage());
        }
    }

    private void publish(EvidenceStore.Request request) throws JMSException {
        StoredCase stored = cases.find(request.caseId()).orElseThrow();
        var message = new EvidenceMessages.Request(request.requestId(), request.caseId(), request.type(), subject(stored),
                request.requestedAt());
        TextMessage text = session.createTextMessage(write(message));
        text.setStringProperty("requestId", request.requestId());
        text.setStringProperty("evidenceType", request.type());
        producer.send(text);
        markPublished(request.requestId());
    }

    /**
     * The request is on the broker: record that, retrying when InnoDB picks this update as a
     * deadlock victim against a concurrent case write (giving up would send it a second time).
     */
    private void markPublished(String requestId) {
        for (int attempt = 1;; attempt++) {
            try {
                store.markPublished(requestId, clock.instant());
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLTransactionRollbackException) || attempt == MARK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** What a provider needs to find the applicant: no more than that leaves the tenant. */
    private static Map<String, Object> subject(StoredCase stored) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (stored.reference() != null) {
            subject.put("reference", stored.reference());
        }
        for (String field : List.of("date_of_birth", "sex")) {
            Object value = stored.answers().get(field);
            if (value != null) {
                subject.put(field, value);
            }
        }
        return subject;
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
