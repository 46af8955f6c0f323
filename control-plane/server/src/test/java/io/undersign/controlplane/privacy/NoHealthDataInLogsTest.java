package io.undersign.controlplane.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Evidence;
import io.undersign.controlplane.support.FormClient;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Health data never reaches a log: full interviews (with answers refused and shown back), API cases
 * (with answers refused), evidence results (well-formed, malformed and for a request never made)
 * carry marker values, and every log the platform writes (the control plane's, every runtime's, the
 * broker's) is searched for them afterwards.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class NoHealthDataInLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values no other part of the platform writes: typed answers, results and their decimals. */
    private static final List<String> MARKERS = List.of("HM-WEIGHT-7731", "HM-OCC-5531", "HM-RESULT-9917", "41.773", "3.917", "27.331",
            "HM-ALCOHOL-2207");

    @Test
    void noLogHoldsAnAnswerOrAResult() throws Exception {
        String tenant = Evidence.onboarded("nolog");
        // the interview, with an answer refused on the way (shown back to the applicant, never logged)
        FormClient browser = new FormClient("uw." + tenant + ".localhost");
        browser.get("/");
        String caseLink = FormClient.location(browser.post("/interview/start"));
        assertThat(FormClient.location(browser.post(caseLink + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "female",
                "sum_assured", "1000000", "term_years", "25", "occupation_class", "1", "action", "next"))).endsWith("/pages/build");
        FormClient.location(browser.post(caseLink + "/pages/build", "height_cm", "168", "weight_kg", "HM-WEIGHT-7731", "action", "next"));
        assertThat(browser.get(caseLink + "/pages/build").body()).contains("HM-WEIGHT-7731");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/build", "height_cm", "168", "weight_kg", "64", "action", "next")))
                .endsWith("/pages/lifestyle");
        FormClient.location(browser.post(caseLink + "/pages/lifestyle", "smoker", "false", "alcohol_units_per_week", "HM-ALCOHOL-2207",
                "travel_advisory", "none", "action", "next"));
        assertThat(FormClient.location(browser.post(caseLink + "/pages/lifestyle", "smoker", "false", "alcohol_units_per_week", "8",
                "travel_advisory", "none", "action", "next"))).endsWith("/pages/health");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/health", "asthma", "false", "diabetes", "false",
                "hypertension", "false", "heart_condition", "none", "cancer_history", "false", "mental_health", "none",
                "family_history_under_60", "0", "under_investigation", "false", "hospital_admissions_12m", "0",
                "self_harm", "none", "action", "next"))).endsWith("/review");
        assertThat(FormClient.location(browser.post(caseLink + "/submit"))).endsWith("/decision");

        // the integrator API, with answers refused
        MtlsClient api = MtlsClient.of(tenant, tenant);
        var refused = api.send("POST", "/api/v1/cases", "{\"answers\": {\"occupation_class\": \"HM-OCC-5531\"}}");
        assertThat(refused.status()).isEqualTo(422);
        String apiCase = Evidence.createPending(api, "POL-LOG").get("id").asText();

        // the provider answers both requests with marked values, then sends a malformed result and one for no request
        JsonNode provider = Evidence.providerCredentials(tenant);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(provider.get("brokerUrl").asText());
        factory.setUserName(provider.get("username").asText());
        factory.setPassword(provider.get("password").asText());
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer requests = s.createConsumer(s.createQueue(provider.get("requestsQueue").asText()));
            var results = s.createProducer(s.createQueue(provider.get("resultsQueue").asText()));
            List<String> answered = new ArrayList<>();
            for (Message m = requests.receive(20_000); m != null && answered.size() < 2; m = requests.receive(20_000)) {
                JsonNode request = JSON.readTree(((TextMessage) m).getText());
                results.send(s.createTextMessage("""
                        {"requestId": "%s", "caseId": "%s", "type": "blood-profile", "observedAt": "2026-12-01T09:00:00Z",
                         "results": {"hba1c": 41.773, "cholesterol_ratio": 3.917, "ggt": 27.331}}""".formatted(
                        request.get("requestId").asText(), request.get("caseId").asText())));
                answered.add(request.get("caseId").asText());
            }
            assertThat(answered).hasSize(2).contains(apiCase);
            results.send(s.createTextMessage("""
                    {"requestId": "%s", "caseId": "%s", "type": "blood-profile", "observedAt": "2026-12-01T09:00:00Z",
                     "results": "HM-RESULT-9917"}""".formatted(java.util.UUID.randomUUID(), apiCase)));
            results.send(s.createTextMessage("{\"broken\": \"HM-RESULT-9917\", \"hba1c\": 41.773"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Evidence.decisions(api, apiCase) == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.get(caseLink + "/decision").body().contains("data-outcome=\"STANDARD\""));
        Thread.sleep(2000); // the dead-lettered results' redeliveries and their log lines

        List<Path> logs = new ArrayList<>();
        for (Path root : List.of(Path.of("target"))) {
            try (Stream<Path> files = Files.walk(root)) {
                // logs, not the broker's message store (kahadb's db-*.log holds messages in flight, as it must)
                files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log") && !p.toString().contains("kahadb"))
                        .forEach(logs::add);
            }
        }
        assertThat(logs).as("the control plane's and the tenant's runtime's logs are there to search")
                .anyMatch(p -> p.endsWith("control-plane-test.log"))
                .anyMatch(p -> p.toString().contains("runtimes/" + tenant + "/runtime.log"));
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            for (String marker : MARKERS) {
                assertThat(text).as(log + " holds " + marker).doesNotContain(marker);
            }
        }
    }
}
