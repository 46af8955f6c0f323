package io.undersign.controlplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantNames;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's broker user reaches its own destinations and nothing of another tenant's; what
 * operators see of a queue is its depth and the age of the message at its head.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BrokerIsolationTest {
    private static final String BROKER = "tcp://127.0.0.1:16161";

    @Inject
    SecretStore secrets;

    @Inject
    EmbeddedBroker broker;

    private static String a;
    private static String b;

    @BeforeEach
    void tenants() {
        if (a == null) {
            a = Api.uniqueId("mq-a");
            b = Api.uniqueId("mq-b");
            Api.onboard(a);
            Api.onboard(b);
        }
    }

    @Test
    void aTenantSendsAndReceivesOnItsOwnQueues() throws Exception {
        try (Connection c = connect(a); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            var queue = s.createQueue("undersign." + a + ".evidence.requests");
            s.createProducer(queue).send(s.createTextMessage("hello"));
            MessageConsumer consumer = s.createConsumer(queue);
            assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("hello");
        }
    }

    @Test
    void aTenantCannotConsumeOrSendToAnotherTenantsQueue() throws Exception {
        try (Connection c = connect(a); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            var theirs = s.createQueue("undersign." + b + ".evidence.requests");
            assertThatThrownBy(() -> s.createConsumer(theirs)).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createProducer(theirs).send(s.createTextMessage("x")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("undersign.>"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("other.queue"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createProducer(s.createQueue("undersign." + a + ".x,undersign." + b + ".y"))
                    .send(s.createTextMessage("x"))).isInstanceOf(JMSSecurityException.class);
        }
    }

    /** Advisories would show one tenant another's connections, users, client addresses and queue activity. */
    @Test
    void aTenantSeesNoAdvisoryAndCannotPublishOne() throws Exception {
        try (Connection c = connect(a); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (String topic : new String[] {"ActiveMQ.Advisory.>", "ActiveMQ.Advisory.Connection", "ActiveMQ.Advisory.Consumer.Queue.>",
                    "ActiveMQ.Advisory.Producer.Queue.undersign." + b + ".evidence.requests", "ActiveMQ.Advisory.Queue"}) {
                var advisory = s.createTopic(topic);
                assertThatThrownBy(() -> s.createConsumer(advisory)).as(topic).isInstanceOf(JMSSecurityException.class);
                assertThatThrownBy(() -> s.createProducer(advisory).send(s.createTextMessage("forged"))).as(topic)
                        .isInstanceOf(JMSSecurityException.class);
            }
            // the temporary-destination advisories a default client subscribes to: never written by anyone
            var temps = s.createTopic("ActiveMQ.Advisory.TempQueue");
            assertThatThrownBy(() -> s.createProducer(temps).send(s.createTextMessage("forged"))).isInstanceOf(JMSSecurityException.class);
            // its own work goes on, with a client left at its defaults (which watches advisories)
            var queue = s.createQueue("undersign." + a + ".evidence.requests");
            s.createProducer(queue).send(s.createTextMessage("still works"));
            assertThat(((TextMessage) s.createConsumer(queue).receive(5000)).getText()).isEqualTo("still works");
        }
    }

    @Test
    void aQueuesStateIsItsDepthAndTheMessageAtItsHead() throws Exception {
        String name = "undersign." + a + ".monitored";
        assertThat(broker.queueState(name).depth()).isZero();
        java.util.List<Long> sent = new java.util.ArrayList<>();
        try (Connection c = connect(a); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            var queue = s.createQueue(name);
            var producer = s.createProducer(queue);
            for (int i = 0; i < 3; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                producer.send(m);
                sent.add(m.getJMSTimestamp());
                Thread.sleep(20);
            }
            EmbeddedBroker.QueueState three = broker.queueState(name);
            assertThat(three.depth()).isEqualTo(3);
            assertThat(three.oldest().toEpochMilli()).isEqualTo(sent.get(0));
            assertThat(((TextMessage) s.createConsumer(queue).receive(5000)).getText()).isEqualTo("m0");
        }
        EmbeddedBroker.QueueState two = broker.queueState(name);
        assertThat(two.depth()).isEqualTo(2);
        assertThat(two.oldest().toEpochMilli()).isEqualTo(sent.get(1));
    }

    @Test
    void aWrongPasswordIsRefused() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
        factory.setUserName(TenantNames.brokerUser(a));
        factory.setPassword("not-the-password");
        assertThatThrownBy(() -> factory.createConnection().start()).isInstanceOf(JMSException.class);
    }

    private Connection connect(String tenantId) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
        factory.setUserName(TenantNames.brokerUser(tenantId));
        factory.setPassword(secrets.get(TenantNames.brokerPasswordSecret(tenantId)).orElseThrow());
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }
}
