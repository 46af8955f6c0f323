package io.undersign.runtime.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.undersign.contract.EvidenceQueues;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.TenantStack;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Evidence over the real broker, as a provider meets it: a case that needs a blood profile puts
 * one request on the tenant's request queue; the result sent back decides the case again, once.
 */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class EvidenceRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceQueues QUEUES = EvidenceQueues.of(TenantStack.TENANT);

    @ConfigProperty(name = "undersign.broker.url")
    String brokerUrl;

    @Test
    void aRequestGoesOutOnceAndItsResultDecidesTheCaseAgainOnce() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-E", Answers.NEEDS_BLOOD)).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer requests = session.createConsumer(session.createQueue(QUEUES.requests()));
            JsonNode request = null;
            for (Message m = requests.receive(10_000); m != null; m = requests.receive(1_000)) {
                JsonNode read = JSON.readTree(((TextMessage) m).getText());
                if (read.get("caseId").asText().equals(id)) {
                    assertThat(request).as("one request per evidence type").isNull();
                    request = read;
                }
            }
            assertThat(request).as("the outbox published the request").isNotNull();
            assertThat(request.get("type").asText()).isEqualTo("blood-profile");
            // what leaves the tenant: who the applicant is, no health answers
            assertThat(request.get("subject").has("date_of_birth")).isTrue();
            assertThat(request.get("subject").has("smoker")).isFalse();

            String result = JSON.writeValueAsString(java.util.Map.of("requestId", request.get("requestId").asText(), "caseId", id,
                    "type", "blood-profile", "observedAt", "2026-12-01T09:00:00Z",
                    "results", java.util.Map.of("hba1c", 36, "cholesterol_ratio", 4.1, "ggt", 30)));
            var results = session.createProducer(session.createQueue(QUEUES.results()));
            results.send(session.createTextMessage(result));
            results.send(session.createTextMessage(result)); // an at-least-once provider's second copy

            await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/cases/" + id).then().extract().<Integer>path("decisions") == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> given().get("/api/v1/cases/" + id).then().extract().<Integer>path("decisions") == 2);
            given().get("/api/v1/cases/" + id).then().body("decision.outcome", org.hamcrest.Matchers.equalTo("STANDARD"))
                    .body("evidence[0].status", org.hamcrest.Matchers.equalTo("RECEIVED"))
                    .body("evidence[0].publishedAt", org.hamcrest.Matchers.notNullValue());
        }
    }
}
