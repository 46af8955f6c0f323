package io.undersign.runtime.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.undersign.engine.Rulebooks;
import io.undersign.runtime.db.Jdbc;
import io.undersign.runtime.evidence.EvidenceMessages;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.TenantStack;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case is decided by the rulebook version it was made under for as long as it lives: answers
 * changed or evidence received after the tenant moved to a newer release are decided by the
 * case's own version, recorded in the tenant's database.
 */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class CaseRulebookVersionTest {
    private static final String OLDER = "2026.11.9";

    @Inject
    EvidenceIntake intake;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /** The sample as an earlier version had it: heavy smoking and HbA1c counted harder. */
    private static String olderSource() throws Exception {
        try (InputStream in = CaseRulebookVersionTest.class.getClassLoader().getResourceAsStream("rulebooks/term-life-uk.yaml")) {
            String current = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String older = current.replace("version: 2026.12.1", "version: " + OLDER)
                    .replace("    when: smoker && cigarettes_per_day > 20\n    debits: 50\n", "    when: smoker && cigarettes_per_day > 20\n    debits: 150\n")
                    .replace("when: \"!diabetes && hba1c >= 48\"", "when: \"!diabetes && hba1c >= 30\"");
            assertThat(older).isNotEqualTo(current.replace("version: 2026.12.1", "version: " + OLDER));
            Rulebooks.parse(older);
            return older;
        }
    }

    @BeforeAll
    static void recordTheOlderVersion() throws Exception {
        try (Connection c = DriverManager.getConnection(TenantStack.url(), "root", "");
                PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO rulebook_version (rulebook_id, version, sha256, source, recorded_at) "
                        + "VALUES ('term-life-uk', ?, ?, ?, NOW(6))")) {
            String source = olderSource();
            s.setString(1, OLDER);
            s.setString(2, RulebookHolder.sha256(source));
            s.setString(3, source);
            s.executeUpdate();
        }
    }

    @Test
    void newCasesAreMadeUnderTheCurrentVersionWhichTheRuntimeRecorded() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-V-" + UUID.randomUUID(), Answers.STANDARD))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        assertThat(column(id, "rulebook_version")).isEqualTo("2026.12.1");
        assertThat(jdbc.query("SELECT COUNT(*) FROM rulebook_version WHERE rulebook_id = 'term-life-uk' AND version = '2026.12.1'",
                r -> r.getInt(1)).get(0)).isEqualTo(1);
    }

    @Test
    void changedAnswersAreDecidedByTheCasesOwnVersion() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-V-" + UUID.randomUUID(), Answers.STANDARD))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        madeUnder(id, OLDER);

        var decided = given().contentType(ContentType.JSON).body("{\"answers\": {\"smoker\": true, \"cigarettes_per_day\": 30}}")
                .patch("/api/v1/cases/" + id + "/answers").then().statusCode(200).extract().jsonPath();

        // 25 + 150 debits by the older version (the current one gives 25 + 50: table 3)
        assertThat(decided.getInt("decision.rating.table")).isEqualTo(7);
        assertThat(latestDecisionVersion(id)).isEqualTo(OLDER);
    }

    @Test
    void evidenceIsDecidedByTheCasesOwnVersion() throws Exception {
        var created = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-V-" + UUID.randomUUID(), Answers.NEEDS_BLOOD))
                .post("/api/v1/cases").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String requestId = created.getString("evidence[0].requestId");
        madeUnder(id, OLDER);

        intake.apply(new EvidenceMessages.Result(requestId, id, "blood-profile",
                Map.of("hba1c", 36, "cholesterol_ratio", 4.1, "ggt", 30), Instant.parse("2026-12-01T09:00:00Z")));

        // HbA1c 36 is normal by the current version; the case's own refers from 30
        assertThat(given().get("/api/v1/cases/" + id).then().statusCode(200).extract().path("decision.outcome").toString()).isEqualTo("REFER");
        assertThat(latestDecisionVersion(id)).isEqualTo(OLDER);
    }

    @Test
    void aRecordedVersionNeverTakesOtherContent() throws Exception {
        Path changed = Files.createTempFile("changed-rulebook", ".yaml");
        try {
            // the older version's content is recorded: the same version with other content is refused
            Files.writeString(changed, olderSource().replace("decline-over: 300", "decline-over: 250"));
            assertThatThrownBy(() -> new RulebookHolder(changed.toString(), jdbc, clock))
                    .hasMessageContaining("rulebook term-life-uk " + OLDER + " is recorded in this tenant's database with other content");
        } finally {
            Files.deleteIfExists(changed);
        }
    }

    private static void madeUnder(String caseId, String version) throws Exception {
        try (Connection c = DriverManager.getConnection(TenantStack.url(), "root", "");
                PreparedStatement s = c.prepareStatement("UPDATE case_file SET rulebook_version = ? WHERE id = ?")) {
            s.setString(1, version);
            s.setString(2, caseId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String column(String caseId, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(TenantStack.url(), "root", "");
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM case_file WHERE id = ?")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static String latestDecisionVersion(String caseId) throws Exception {
        try (Connection c = DriverManager.getConnection(TenantStack.url(), "root", "");
                PreparedStatement s = c.prepareStatement("SELECT rulebook_version FROM case_decision WHERE case_id = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
