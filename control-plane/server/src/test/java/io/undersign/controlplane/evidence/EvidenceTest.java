package io.undersign.controlplane.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.undersign.controlplane.broker.EmbeddedBroker;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Evidence;
import io.undersign.controlplane.support.FormClient;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.evidence.simulator.Behaviour;
import io.undersign.evidence.simulator.EvidenceSimulator;
import io.undersign.evidence.simulator.SimulatedResults;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Evidence over the real broker between real tenant runtimes and the stand-in provider: requests
 * go out from the outbox, results re-decide the case exactly once, bad results land in the
 * dead-letter queue with their reason, nothing crosses tenants, and a broker restart loses nothing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKER = "tcp://127.0.0.1:16161";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    SecretStore secrets;

    @Inject
    EmbeddedBroker broker;

    @Inject
    EvidenceQueueMetrics metrics;

    @Test
    void aPendingCaseIsAnsweredAndDecidedAgainWithThePredictedResults() throws Exception {
        String tenant = Evidence.onboarded("ev-ok");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        String id;
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofMillis(100))) {
            JsonNode created = Evidence.createPending(api, "POL-E1");
            assertThat(created.at("/decision/outcome").asText()).isEqualTo("PENDING_EVIDENCE");
            assertThat(created.at("/evidence/0/type").asText()).isEqualTo("blood-profile");
            assertThat(created.at("/evidence/0/status").asText()).isEqualTo("REQUESTED");
            id = created.get("id").asText();

            JsonNode decided = awaitDecisions(api, id, 2);
            String requestId = decided.at("/evidence/0/requestId").asText();
            assertThat(decided.at("/evidence/0/status").asText()).isEqualTo("RECEIVED");
            assertThat(JSON.convertValue(decided.at("/evidence/0/results"), Map.class))
                    .isEqualTo(JSON.convertValue(SimulatedResults.of(requestId, "blood-profile").orElseThrow(), Map.class));
            // non-smoker of normal build: any lab value the simulator gives keeps her within standard terms
            assertThat(decided.at("/decision/outcome").asText()).isEqualTo("STANDARD");
            assertThat(decided.at("/decision/explanation").toString()).contains("blood-profile");
            assertThat(provider.answered()).isEqualTo(1);
        }
        JsonPath view = Api.tenant(tenant);
        assertThat(view.getLong("evidenceQueues.requests.depth")).isZero();
        assertThat(view.getLong("evidenceQueues.deadLetters.depth")).isZero();

        // the case list (read a page at a time) shows each case exactly as the case itself reads
        String waiting = Evidence.createPending(api, "POL-E2").get("id").asText(); // no provider now: it waits
        JsonNode all = JSON.readTree(api.get("/api/v1/cases?limit=50").body()).get("items");
        // newest first, to the microsecond (created within one second of each other)
        assertThat(all).extracting(c -> c.get("id").asText()).containsExactly(waiting, id);
        assertThat(all).extracting(c -> c.get("decisions").asInt()).containsExactly(1, 2);
        assertThat(all.get(0).get("createdAt").asText()).as("stored with its fraction of a second").matches(".*:\\d\\d\\.\\d+Z");
        for (JsonNode item : all) {
            assertThat(item).isEqualTo(Evidence.get(api, item.get("id").asText()));
        }
        JsonNode first = JSON.readTree(api.get("/api/v1/cases?limit=1").body());
        JsonNode second = JSON.readTree(api.get("/api/v1/cases?limit=1&cursor="
                + java.net.URLEncoder.encode(first.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(List.of(first.at("/items/0"), second.at("/items/0"))).containsExactly(all.get(0), all.get(1));
    }

    @Test
    void theApplicantsDecisionPageShowsTheDecisionOnceTheEvidenceIsIn() throws Exception {
        String tenant = Evidence.onboarded("ev-web");
        FormClient browser = new FormClient("uw." + tenant + ".localhost");
        browser.get("/");
        String caseLink = FormClient.location(browser.post("/interview/start"));
        assertThat(FormClient.location(browser.post(caseLink + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "female",
                "sum_assured", "1000000", "term_years", "25", "occupation_class", "1", "action", "next"))).endsWith("/pages/build");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/build", "height_cm", "168", "weight_kg", "64", "action", "next")))
                .endsWith("/pages/lifestyle");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/lifestyle", "smoker", "false", "alcohol_units_per_week", "8",
                "travel_advisory", "none", "action", "next"))).endsWith("/pages/health");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/health", "asthma", "false", "diabetes", "false",
                "hypertension", "false", "heart_condition", "none", "cancer_history", "false", "mental_health", "none",
                "family_history_under_60", "0", "under_investigation", "false", "hospital_admissions_12m", "0",
                "self_harm", "none", "action", "next"))).endsWith("/review");
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofSeconds(1))) {
            assertThat(FormClient.location(browser.post(caseLink + "/submit"))).endsWith("/decision");
            var pending = browser.get(caseLink + "/decision");
            assertThat(pending.body()).contains("data-outcome=\"PENDING_EVIDENCE\"")
                    .contains("Blood profile: to be arranged").contains("When the results are in, this page shows our decision");
            // the page looks again by itself while it waits
            assertThat(pending.headers().firstValue("Refresh")).contains("60");
            await().atMost(PATIENCE).until(() -> browser.get(caseLink + "/decision").body().contains("data-outcome=\"STANDARD\""));
        }
    }

    @Test
    void aDuplicatedResultIsAppliedOnce() throws Exception {
        String tenant = Evidence.onboarded("ev-dup");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.DUPLICATE, Duration.ofMillis(50))) {
            String id = Evidence.createPending(api, "POL-E2").get("id").asText();
            awaitDecisions(api, id, 2);
            await().atMost(PATIENCE).until(() -> provider.answered() == 2
                    && Api.tenant(tenant).getLong("evidenceQueues.results.depth") == 0);
            // the second copy changes nothing
            Evidence.decidedExactly(api, List.of(id), 2, Duration.ofMillis(500));
            assertThat(Api.tenant(tenant).getLong("evidenceQueues.deadLetters.depth")).isZero();
        }
    }

    @Test
    void aMalformedResultGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        String tenant = Evidence.onboarded("ev-bad");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        String id;
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.MALFORMED, Duration.ofMillis(50))) {
            id = Evidence.createPending(api, "POL-E3").get("id").asText();
            await().atMost(PATIENCE).until(() -> Api.tenant(tenant).getLong("evidenceQueues.deadLetters.depth") == 1);
            assertThat(Api.tenant(tenant).getLong("evidenceQueues.deadLetters.oldestAgeSeconds")).isNotNull();
            JsonNode unchanged = Evidence.get(api, id);
            assertThat(unchanged.get("decisions").asInt()).isEqualTo(1);
            assertThat(unchanged.at("/decision/outcome").asText()).isEqualTo("PENDING_EVIDENCE");
        }
        try (Connection c = connect(TenantNames.brokerUser(tenant), secrets.get(TenantNames.brokerPasswordSecret(tenant)).orElseThrow());
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Message dead = s.createConsumer(s.createQueue("undersign." + tenant + ".evidence.results.DLQ")).receive(5000);
            assertThat(dead).isNotNull();
            assertThat(dead.getStringProperty("undersignDeadLetterReason")).isEqualTo("results: must be an object of result values");
            assertThat(((TextMessage) dead).getText()).contains("yesterday");
        }
        // a well-formed result for a request this tenant never made is dead-lettered too
        JsonNode provider = Evidence.providerCredentials(tenant);
        try (Connection c = connect(provider.get("username").asText(), provider.get("password").asText());
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            s.createProducer(s.createQueue(provider.get("resultsQueue").asText())).send(s.createTextMessage("""
                    {"requestId": "00000000-0000-0000-0000-000000000000", "caseId": "%s", "type": "blood-profile",
                     "results": {"hba1c": 40, "cholesterol_ratio": 4, "ggt": 20}, "observedAt": "2026-11-29T10:00:00Z"}\
                    """.formatted(id)));
        }
        await().atMost(PATIENCE).until(() -> Api.tenant(tenant).getLong("evidenceQueues.deadLetters.depth") == 1);
        try (Connection c = connect(TenantNames.brokerUser(tenant), secrets.get(TenantNames.brokerPasswordSecret(tenant)).orElseThrow());
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Message dead = s.createConsumer(s.createQueue("undersign." + tenant + ".evidence.results.DLQ")).receive(5000);
            assertThat(dead.getStringProperty("undersignDeadLetterReason")).contains("was never requested");
        }
        assertThat(Evidence.get(api, id).get("decisions").asInt()).isEqualTo(1);
        metrics.refresh(); // what the 5-second timer does, now, so the gauges are there to read
        String scraped = io.restassured.RestAssured.get("/q/metrics").asString();
        assertThat(scraped).contains("undersign_evidence_queue_depth{queue=\"dead-letters\",tenant=\"" + tenant + "\"} 0.0");
    }

    @Test
    void aProviderReachesOnlyItsTenantsRequestsAndResults() throws Exception {
        String a = Evidence.onboarded("ev-pa");
        String b = Evidence.onboarded("ev-pb");
        JsonNode issued = Evidence.providerCredentials(a);
        try (Connection c = connect(issued.get("username").asText(), issued.get("password").asText());
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            // its own: read requests, write results
            s.createConsumer(s.createQueue("undersign." + a + ".evidence.requests")).close();
            // nothing of B's
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("undersign." + b + ".evidence.requests")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createProducer(s.createQueue("undersign." + b + ".evidence.results")).send(s.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
            // and of A's, not the other directions nor other queues
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("undersign." + a + ".evidence.results")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createProducer(s.createQueue("undersign." + a + ".evidence.requests")).send(s.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("undersign." + a + ".evidence.results.DLQ")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        // a tenant runtime's own user cannot read B's requests or publish B's results either
        try (Connection c = connect(TenantNames.brokerUser(a), secrets.get(TenantNames.brokerPasswordSecret(a)).orElseThrow());
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> s.createConsumer(s.createQueue("undersign." + b + ".evidence.requests")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createProducer(s.createQueue("undersign." + b + ".evidence.results")).send(s.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        // issuing again rotates: the old password stops working
        JsonNode rotated = Evidence.providerCredentials(a);
        assertThat(rotated.get("password").asText()).isNotEqualTo(issued.get("password").asText());
        assertThatThrownBy(() -> connect(issued.get("username").asText(), issued.get("password").asText()))
                .isInstanceOf(JMSException.class);
    }

    @Test
    void restartingTheBrokerWithMessagesInFlightLosesAndRepeatsNothing() throws Exception {
        String tenant = Evidence.onboarded("ev-rst");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofSeconds(2))) {
            List<String> ids = Evidence.createPending(api, "POL-R", 5);
            // requests are with the provider, unanswered and unacknowledged
            broker.restart();
            // anything answered twice across the restart would arrive within the quiet time
            Evidence.decidedExactly(api, ids, 2, Duration.ofSeconds(3));
            for (String id : ids) {
                assertThat(Evidence.get(api, id).at("/evidence/0/status").asText()).isEqualTo("RECEIVED");
            }
        }
        JsonPath view = Api.tenant(tenant);
        assertThat(view.getLong("evidenceQueues.requests.depth")).isZero();
        assertThat(view.getLong("evidenceQueues.results.depth")).isZero();
        assertThat(view.getLong("evidenceQueues.deadLetters.depth")).isZero();
    }







    private static JsonNode awaitDecisions(MtlsClient api, String id, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Evidence.get(api, id), c -> c.get("decisions").asInt() >= count);
    }

    private static Connection connect(String user, String password) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
        factory.setUserName(user);
        factory.setPassword(password);
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }
}
