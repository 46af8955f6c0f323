package io.undersign.runtime.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.undersign.runtime.evidence.EvidenceMessages;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.Browser;
import io.undersign.runtime.support.TenantStackExpandedAhead;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The runtime on a schema a later release has expanded (columns, a table, an index it does not
 * know): what a tenant's previous runtime meets while a rollout's expand-schema step runs and
 * until it is replaced. Cases, the interview and evidence must all keep working.
 */
@QuarkusTest
@QuarkusTestResource(TenantStackExpandedAhead.class)
class ExpandedSchemaTest {

    @Inject
    EvidenceIntake intake;

    @Test
    void casesInterviewAndEvidenceWorkOnASchemaExpandedAheadOfThisBuild() throws Exception {
        var created = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-X-" + UUID.randomUUID(), Answers.NEEDS_BLOOD))
                .post("/api/v1/cases").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        given().get("/api/v1/cases/" + id).then().statusCode(200);
        given().queryParam("limit", 5).get("/api/v1/cases").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"answers\": {\"alcohol_units_per_week\": 10}}").patch("/api/v1/cases/" + id + "/answers")
                .then().statusCode(200);

        intake.apply(new EvidenceMessages.Result(created.getString("evidence[0].requestId"), id, "blood-profile",
                Map.of("hba1c", 36, "cholesterol_ratio", 4.1, "ggt", 30), Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(given().get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath().getInt("decisions")).isEqualTo(3);

        Browser browser = new Browser();
        assertThat(browser.get("/").statusCode()).isEqualTo(200); // the landing page sets the CSRF cookie
        Response started = browser.post("/interview/start");
        assertThat(started.statusCode()).isEqualTo(303);
        String link = Browser.location(started);
        assertThat(Browser.location(browser.post(link + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "female",
                "sum_assured", "250000", "term_years", "25", "occupation_class", "1", "action", "next"))).endsWith("/pages/build");
    }
}
