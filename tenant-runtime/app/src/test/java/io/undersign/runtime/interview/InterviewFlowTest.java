package io.undersign.runtime.interview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.undersign.runtime.support.Answers;
import io.undersign.runtime.support.Browser;
import io.undersign.runtime.support.TenantStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The interview's life cycle on the runtime itself: start, pages, refusals, submit once, decision. */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class InterviewFlowTest {

    private static String start(Browser browser) {
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        Response started = browser.post("/interview/start");
        assertThat(started.statusCode()).isEqualTo(303);
        return Browser.location(started);
    }

    private static void answerEveryPage(Browser browser, String link) {
        assertThat(Browser.location(browser.post(link + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "female",
                "sum_assured", "250000", "term_years", "25", "occupation_class", "1", "action", "next"))).endsWith("/pages/build");
        assertThat(Browser.location(browser.post(link + "/pages/build", "height_cm", "168", "weight_kg", "64", "action", "next")))
                .endsWith("/pages/lifestyle");
        assertThat(Browser.location(browser.post(link + "/pages/lifestyle", "smoker", "false", "alcohol_units_per_week", "8",
                "travel_advisory", "none", "action", "next"))).endsWith("/pages/health");
        assertThat(Browser.location(browser.post(link + "/pages/health", "asthma", "false", "diabetes", "false",
                "hypertension", "false", "heart_condition", "none", "cancer_history", "false", "mental_health", "none",
                "family_history_under_60", "0", "under_investigation", "false", "hospital_admissions_12m", "0",
                "self_harm", "none", "action", "next"))).endsWith("/review");
    }

    @Test
    void anApplicantAnswersEveryPageSubmitsOnceAndSeesTheDecision() throws Exception {
        Browser browser = new Browser();
        String link = start(browser);
        assertThat(Browser.location(browser.get(link))).isEqualTo(link + "/pages/about-you");

        Response refused = browser.post(link + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "female",
                "sum_assured", "lots", "term_years", "25", "occupation_class", "1", "action", "next");
        // redirect after every POST, problems included: Back and Reload never resend the form
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(Browser.location(refused)).isEqualTo(link + "/pages/about-you");
        String again = browser.get(link + "/pages/about-you").asString();
        assertThat(again).contains("value=\"lots\"").contains("aria-invalid=\"true\"").contains("Enter an amount in pounds, like 250,000");

        answerEveryPage(browser, link);
        assertThat(browser.get(link + "/review").asString()).contains("Have you ever had asthma?");
        assertThat(Browser.location(browser.post(link + "/submit"))).endsWith("/decision");
        assertThat(browser.get(link + "/decision").asString()).contains("data-outcome=\"STANDARD\"");

        // a second submit changes nothing; a decided case only shows its decision
        assertThat(Browser.location(browser.post(link + "/submit"))).endsWith("/decision");
        assertThat(Browser.location(browser.post(link + "/pages/build", "height_cm", "100", "weight_kg", "200", "action", "next")))
                .endsWith("/decision");
        String id = link.substring(link.lastIndexOf('/') + 1);
        var stored = given().get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("status")).isEqualTo("DECIDED");
        assertThat(stored.getInt("decisions")).isEqualTo(1);
        assertThat(stored.getDouble("answers.height_cm")).as("answers as submitted, not the later attempt").isEqualTo(168.0);
    }

    @Test
    void submittingKeepsTheAnswersAsTheyWereSaved() throws Exception {
        Browser browser = new Browser();
        String link = start(browser);
        answerEveryPage(browser, link);
        String id = link.substring(link.lastIndexOf('/') + 1);
        String saved = storedAnswers(id);
        browser.post(link + "/submit");
        assertThat(storedAnswers(id)).as("the submit marks the case decided and leaves its answers alone").isEqualTo(saved);
    }

    @Test
    void theInterviewKnowsNothingOfTheInsurersOwnCases() {
        String apiCase = given().contentType(ContentType.JSON).body(Answers.caseBody("POL-I", Answers.STANDARD))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        Browser browser = new Browser();
        browser.get("/");
        Response known = browser.get("/interview/" + apiCase);
        Response unknown = browser.get("/interview/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(known.statusCode()).isEqualTo(404);
        // the same answer as for a case that does not exist: holding an id tells nothing
        assertThat(withoutRequestId(known.asString().replace(apiCase, "ID")))
                .isEqualTo(withoutRequestId(unknown.asString().replace("AAAAAAAAAAAAAAAAAAAAAA", "ID")));
        assertThat(browser.get("/interview/" + apiCase + "/decision").statusCode()).isEqualTo(404);
        assertThat(browser.post("/interview/" + apiCase + "/submit").statusCode()).isEqualTo(404);
    }

    private static String withoutRequestId(String body) {
        // every answer carries its own request id; nothing else may differ
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "REQUEST");
    }

    private static String storedAnswers(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(TenantStack.url(), "root", "");
                PreparedStatement s = c.prepareStatement("SELECT answers, version FROM case_file WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
