package io.undersign.evidence.simulator;

import io.undersign.contract.EvidenceQueues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in evidence provider for one tenant: takes requests from
 * {@code undersign.<tenant>.evidence.requests} and answers on {@code …evidence.results} after a
 * delay. A request is acknowledged only once its answer is on the broker, so a crash answers it
 * again (with the same requestId, which the runtime deduplicates): at-least-once, as the contract says.
 */
public final class EvidenceSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceSimulator.class);

    /** Where to connect and how to behave. */
    public record Settings(String brokerUrl, String username, String password, String tenant, Duration delay,
            Behaviour behaviour, Duration lateBy) {
    }

    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService answering = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "evidence-answers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong answered = new AtomicLong();
    private Connection connection;
    private Session producerSession;
    private MessageProducer results;

    public EvidenceSimulator(Settings settings) {
        this.settings = settings;
    }

    public EvidenceSimulator start() throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl());
        factory.setUserName(settings.username());
        factory.setPassword(settings.password());
        // the broker publishes no advisories and lets no tenant read them: do not subscribe to any
        factory.setWatchTopicAdvisories(false);
        connection = factory.createConnection();
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        results = producerSession.createProducer(producerSession.createQueue(EvidenceQueues.of(settings.tenant()).results()));
        results.setDeliveryMode(DeliveryMode.PERSISTENT);
        Session consumerSession = connection.createSession(false, ActiveMQSession.INDIVIDUAL_ACKNOWLEDGE);
        consumerSession.createConsumer(consumerSession.createQueue(EvidenceQueues.of(settings.tenant()).requests()))
                .setMessageListener(this::received);
        connection.start();
        LOG.info("Answering evidence requests of tenant {} ({}, delay {} ms)", settings.tenant(), settings.behaviour(),
                settings.delay().toMillis());
        return this;
    }

    /** Results sent so far (a duplicate counts twice). */
    public long answered() {
        return answered.get();
    }

    private void received(Message message) {
        Duration wait = settings.behaviour() == Behaviour.LATE ? settings.delay().plus(settings.lateBy()) : settings.delay();
        answering.schedule(() -> answer(message), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(Message message) {
        try {
            JsonNode request = json.readTree(((TextMessage) message).getText());
            String requestId = request.path("requestId").asText();
            String type = request.path("type").asText();
            Optional<Map<String, Object>> values = SimulatedResults.of(requestId, type);
            if (values.isEmpty()) {
                LOG.warn("Request {}: evidence type '{}' is not offered here; not answered", requestId, type);
            } else if (settings.behaviour() != Behaviour.NEVER) {
                String body = settings.behaviour() == Behaviour.MALFORMED ? malformed(request) : result(request, values.get());
                int copies = settings.behaviour() == Behaviour.DUPLICATE ? 2 : 1;
                for (int i = 0; i < copies; i++) {
                    TextMessage reply = producerSession.createTextMessage(body);
                    reply.setStringProperty("requestId", requestId);
                    results.send(reply);
                    answered.incrementAndGet();
                }
            }
            message.acknowledge();
        } catch (Exception e) {
            // not acknowledged: the broker gives the request to us (or another instance) again
            LOG.warn("Request not answered yet: {}", e.getMessage());
        }
    }

    private String result(JsonNode request, Map<String, Object> values) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", request.path("requestId").asText());
        result.put("caseId", request.path("caseId").asText());
        result.put("type", request.path("type").asText());
        result.put("results", values);
        result.put("observedAt", clock.instant().toString());
        return json.writeValueAsString(result);
    }

    private String malformed(JsonNode request) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", request.path("requestId").asText());
        result.put("caseId", request.path("caseId").asText());
        result.put("type", request.path("type").asText());
        result.put("observedAt", "yesterday");
        return json.writeValueAsString(result);
    }

    @Override
    public void close() throws JMSException {
        answering.shutdownNow();
        if (connection != null) {
            connection.close();
        }
    }
}
