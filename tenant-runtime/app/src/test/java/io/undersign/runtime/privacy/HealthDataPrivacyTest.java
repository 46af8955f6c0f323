package io.undersign.runtime.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.undersign.contract.EvidenceQueues;
import io.undersign.privacy.CaseKeys;
import io.undersign.privacy.ErasureReceipt;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.TenantStack;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Health data at rest, looked at as an attacker with a copy of the database would: a real dump of
 * the tenant's database (mariadb-dump) holds no answer, result or explanation in the clear; after
 * an erasure a dump taken before it, restored, opens nothing of the case; the receipt is signed;
 * the subject access document holds everything, readable.
 */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class HealthDataPrivacyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A marker answer that appears nowhere else (the rulebook's own text names question ids, never values). */
    private static final String HEIGHT = "\"height_cm\": 168", HEIGHT_TIGHT = "\"height_cm\":168";
    private static final String RESULT_TIGHT = "\"hba1c\":36";

    @ConfigProperty(name = "undersign.broker.url")
    String brokerUrl;

    @Test
    void aDumpOfTheTenantDatabaseHoldsNoHealthValueInTheClear() throws Exception {
        String id = caseWithEvidence("POL-PRIV-1");
        String dump = dump();
        assertThat(dump).doesNotContain(HEIGHT, HEIGHT_TIGHT, RESULT_TIGHT, "\"weight_kg\":64", "\"inputs\":{\"")
                .contains("tink1:");
        // every sealed column of the case holds ciphertext, and the API still reads it all
        try (var c = DriverManager.getConnection(TenantStack.url(), "root", "")) {
            for (String sql : List.of("SELECT answers FROM case_file WHERE id = ?", "SELECT decision FROM case_decision WHERE case_id = ?",
                    "SELECT results FROM evidence_result WHERE case_id = ?")) {
                try (var s = c.prepareStatement(sql)) {
                    s.setString(1, id);
                    try (var r = s.executeQuery()) {
                        while (r.next()) {
                            assertThat(r.getString(1)).as(sql).startsWith("tink1:");
                        }
                    }
                }
            }
        }
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("answers.height_cm", equalTo(168))
                .body("evidence[0].results.hba1c", equalTo(36));
    }

    @Test
    void anErasedCaseStaysUnreadableInADumpTakenBeforeTheErasureAndRestoredAfter() throws Exception {
        String id = caseWithEvidence("POL-PRIV-2");
        String before = dump();

        ErasureReceipt.Signed receipt = given().contentType(ContentType.JSON).body("{\"reason\": \"applicant's request under GDPR art. 17\"}")
                .post("/api/v1/cases/" + id + "/erasure").then().statusCode(200).extract().as(ErasureReceipt.Signed.class);
        String publicKey = given().get("/api/v1/privacy/receipt-key").then().statusCode(200).extract().path("publicKeyset");
        assertThat(ErasureReceipt.verify(receipt, publicKey)).as("the receipt checks with the tenant's public key").isTrue();
        assertThat(receipt.receipt().caseId()).isEqualTo(id);
        assertThat(receipt.receipt().dataKeyDestroyed()).isTrue();
        assertThat(receipt.receipt().erased()).anyMatch(e -> e.contains("1 evidence result"));
        // a repeat changes nothing and gives the same receipt
        given().contentType(ContentType.JSON).body("{\"reason\": \"again\"}").post("/api/v1/cases/" + id + "/erasure").then()
                .statusCode(200).body("receipt.receiptId", equalTo(receipt.receipt().receiptId()));

        // the insurer keeps the outcome and dates; the health data is gone
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("answers.size()", equalTo(0)).body("decision", nullValue())
                .body("decisions", equalTo(2)).body("evidence[0].results", nullValue());
        given().contentType(ContentType.JSON).body("{\"answers\": {\"smoker\": true}}").patch("/api/v1/cases/" + id + "/answers").then()
                .statusCode(409).body("type", containsString("case-erased"));
        assertThat(dump()).doesNotContain(id + "','" + "POL-PRIV-2" + "','api','DECIDED','tink1:");

        // the copy from before, restored over the live database: its ciphertext is there, its key is not
        restore(before);
        try (var c = DriverManager.getConnection(TenantStack.url(), "root", "")) {
            assertThat(CaseKeys.find(c, TenantStack.keyStore(), id)).isEmpty();
            try (var s = c.prepareStatement("SELECT answers, erased_at FROM case_file WHERE id = ?")) {
                s.setString(1, id);
                try (var r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getString(1)).as("the restored copy has the sealed answers").startsWith("tink1:");
                    assertThat(r.getTimestamp(2)).as("and no record of the erasure").isNull();
                }
            }
        }
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("answers.size()", equalTo(0)).body("decision", nullValue())
                .body("evidence[0].results", nullValue());
        JsonNode access = JSON.readTree(given().get("/api/v1/cases/" + id + "/subject-access").then().statusCode(200).extract().asString());
        assertThat(access.path("engineDecisions").get(0).path("decision").isNull()).isTrue();
        assertThat(access.toString()).doesNotContain("168");
    }

    @Test
    void subjectAccessGivesEverythingHeldAboutTheCaseAsJsonAndAsAPage() throws Exception {
        String id = caseWithEvidence("POL-PRIV-3");
        JsonNode doc = JSON.readTree(given().get("/api/v1/cases/" + id + "/subject-access").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
        assertThat(doc.path("caseId").asText()).isEqualTo(id);
        assertThat(doc.path("answers").path("height_cm").asInt()).isEqualTo(168);
        assertThat(doc.path("case").path("reference").asText()).isEqualTo("POL-PRIV-3");
        assertThat(doc.path("engineDecisions")).hasSize(2);
        assertThat(doc.path("engineDecisions").get(0).path("decision").path("explanation").path("firings").isArray()).isTrue();
        assertThat(doc.path("evidenceResults").get(0).path("results").path("hba1c").asInt()).isEqualTo(36);
        assertThat(doc.path("auditTrail").findValuesAsText("action")).contains("case.created", "case.evidence-received");
        assertThat(doc.path("erasure").isNull()).isTrue();

        String page = given().accept("text/html").get("/api/v1/cases/" + id + "/subject-access").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("Your answers", "height_cm", "168", "Evidence results we received", "POL-PRIV-3").doesNotContain("<script");

        given().get("/api/v1/cases/AAAAAAAAAAAAAAAAAAAAAA/subject-access").then().statusCode(404);
        given().get("/api/v1/cases/" + id + "/erasure").then().statusCode(404).body("type", containsString("not-erased"));
    }

    @Test
    void anErasureNeedsAReasonOnOneLine() {
        String id = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-PRIV-4", Answers.STANDARD)).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"reason\": \"\"}").post("/api/v1/cases/" + id + "/erasure").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\": \"two\\nlines\"}").post("/api/v1/cases/" + id + "/erasure").then()
                .statusCode(400);
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("answers.height_cm", equalTo(168));
    }

    @Test
    void valuesStoredInTheClearBeforeSealingAreSealedWhereTheyAre() throws Exception {
        // a case as a runtime from before sealing stored it (or an older runtime writes beside a newer one during an upgrade)
        String id = "LegacyCaseAAAAAAAAAAAA";
        try (var c = DriverManager.getConnection(TenantStack.url(), "root", "")) {
            try (var s = c.prepareStatement("INSERT INTO case_file (id, reference, channel, status, answers, application_date, created_at, "
                    + "updated_at, short_ref) VALUES (?, 'POL-LEGACY', 'api', 'DECIDED', ?, CURDATE(), NOW(6), NOW(6), 'LEGA-CY01')")) {
                s.setString(1, id);
                s.setString(2, Answers.STANDARD);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("INSERT INTO case_decision (case_id, outcome, rulebook_id, rulebook_version, decision, created_at) "
                    + "VALUES (?, 'STANDARD', 'term-life-uk', '2026.12.1', '{\"outcome\": \"STANDARD\", \"explanation\": {\"firings\": []}}', NOW(6))")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var c = DriverManager.getConnection(TenantStack.url(), "root", "");
                    var r = c.createStatement().executeQuery("SELECT f.answers, d.decision FROM case_file f JOIN case_decision d ON d.case_id = f.id "
                            + "WHERE f.id = '" + id + "'")) {
                r.next();
                return r.getString(1).startsWith("tink1:") && r.getString(2).startsWith("tink1:");
            }
        });
        given().get("/api/v1/cases/" + id).then().statusCode(200).body("answers.height_cm", equalTo(168)).body("decision.outcome", equalTo("STANDARD"));
        assertThat(dump()).doesNotContain(HEIGHT, HEIGHT_TIGHT);
    }

    /** A case that needed a blood profile, with the provider's result applied over the real broker. */
    private String caseWithEvidence(String reference) throws Exception {
        String id = given().contentType(ContentType.JSON).body(Answers.caseBody(reference, Answers.NEEDS_BLOOD)).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        EvidenceQueues queues = EvidenceQueues.of(TenantStack.TENANT);
        try (jakarta.jms.Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer requests = session.createConsumer(session.createQueue(queues.requests()), "JMSType IS NULL OR JMSType IS NOT NULL");
            JsonNode request = null;
            for (Message m = requests.receive(10_000); m != null && request == null; m = requests.receive(10_000)) {
                JsonNode read = JSON.readTree(((TextMessage) m).getText());
                if (read.get("caseId").asText().equals(id)) {
                    request = read;
                }
            }
            assertThat(request).as("the outbox published the request").isNotNull();
            String result = JSON.writeValueAsString(Map.of("requestId", request.get("requestId").asText(), "caseId", id,
                    "type", "blood-profile", "observedAt", "2026-12-01T09:00:00Z", "results", Map.of("hba1c", 36, "cholesterol_ratio", 4.1, "ggt", 30)));
            session.createProducer(session.createQueue(queues.results())).send(session.createTextMessage(result));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/v1/cases/" + id).then().extract().<Integer>path("decisions") == 2);
        return id;
    }

    private static String dump() throws Exception {
        Path file = Files.createTempFile("tenant-dump", ".sql");
        Process p = new ProcessBuilder("mariadb-dump", "-h127.0.0.1", "-uroot", "--single-transaction", "--skip-extended-insert",
                TenantStack.database()).redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("mariadb-dump ran").isTrue();
        String dump = Files.readString(file, StandardCharsets.UTF_8);
        Files.delete(file);
        return dump;
    }

    private static void restore(String dump) throws Exception {
        Process p = new ProcessBuilder("mariadb", "-h127.0.0.1", "-uroot", TenantStack.database()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().write(dump.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("the dump restored").isTrue();
    }
}
