package io.undersign.runtime.interview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.undersign.runtime.support.Browser;
import io.undersign.runtime.support.TenantStack;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The interview as an applicant meets it: problems on the page where they arise, in plain words; no raw errors. */
@QuarkusTest
@QuarkusTestResource(TenantStack.class)
class WhatApplicantsMeetTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String start(Browser browser) {
        browser.get("/");
        return Browser.location(browser.post("/interview/start"));
    }

    private static Response aboutYou(Browser browser, String link, String dateOfBirth, String sum, String term) {
        return browser.post(link + "/pages/about-you", "date_of_birth", dateOfBirth, "sex", "female", "sum_assured", sum,
                "term_years", term, "occupation_class", "1", "action", "next");
    }

    private static String storedAnswers(String link) {
        return given().get("/api/v1/cases/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(200).extract().path("answers").toString();
    }

    @Test
    void aBirthDateInTheFutureIsRefusedOnTheFirstPage() {
        Browser browser = new Browser();
        String link = start(browser);
        Response sent = aboutYou(browser, link, TODAY.plusDays(3).toString(), "250000", "25");
        assertThat(Browser.location(sent)).isEqualTo(link + "/pages/about-you");
        assertThat(browser.get(link + "/pages/about-you").asString()).contains("There is a problem")
                .contains("What is your date of birth? — Enter a date in the past");
        assertThat(storedAnswers(link)).as("a date that cannot be is not stored").doesNotContain("date_of_birth");
    }

    @Test
    void anUnderAgeApplicantIsToldAtOnceWhyAndHowToChangeIt() {
        Browser browser = new Browser();
        String link = start(browser);
        Response sent = aboutYou(browser, link, TODAY.minusYears(16).toString(), "250000", "25");
        assertThat(Browser.location(sent)).isEqualTo(link + "/ineligible");
        String page = browser.get(link + "/ineligible").asString();
        assertThat(page).contains("We cannot offer you cover").contains("Age 16 is below the minimum entry age of 18")
                .contains("href=\"" + link + "/pages/about-you\"");
        // the case link brings them back to it, not to the health questions
        assertThat(Browser.location(browser.get(link))).isEqualTo(link + "/ineligible");
        // a corrected birth date carries on
        assertThat(Browser.location(aboutYou(browser, link, "1990-06-15", "250000", "25"))).isEqualTo(link + "/pages/build");
    }

    @Test
    void amountsAreTypedAsPeopleTypeThemAndRangesAreSaidInPounds() {
        Browser browser = new Browser();
        String link = start(browser);
        assertThat(Browser.location(aboutYou(browser, link, "1990-06-15", "£250,000", "25"))).isEqualTo(link + "/pages/build");
        assertThat(storedAnswers(link)).contains("sum_assured=250000");

        Browser other = new Browser();
        String second = start(other);
        aboutYou(other, second, "1990-06-15", "5000", "25");
        String page = other.get(second + "/pages/about-you").asString();
        assertThat(page).contains("Enter an amount between £10,000 and £5,000,000").contains("value=\"5000\"")
                .doesNotContain("must be between").doesNotContain("(GBP)");
        assertThat(storedAnswers(second)).as("an out-of-range answer is not stored on the case").doesNotContain("sum_assured");
        aboutYou(other, second, "1990-06-15", "250000", "80");
        assertThat(other.get(second + "/pages/about-you").asString()).contains("Enter a whole number between 5 and 40 years");
    }

    @Test
    void aFollowUpIsAskedAsANewQuestionNotReportedAsAMistake() {
        Browser browser = new Browser();
        String link = start(browser);
        aboutYou(browser, link, "1990-06-15", "250000", "25");
        browser.post(link + "/pages/build", "height_cm", "168", "weight_kg", "64", "action", "next");
        String lifestyle = browser.get(link + "/pages/lifestyle").asString();
        assertThat(lifestyle).contains("name=\"shown\" value=\"smoker,alcohol_units_per_week,hazardous_pursuits,travel_advisory\"").contains("hidden");

        Response sent = browser.post(link + "/pages/lifestyle", "shown", "smoker,alcohol_units_per_week,travel_advisory,hazardous_pursuits",
                "smoker", "true", "alcohol_units_per_week", "8", "travel_advisory", "none", "action", "next");
        assertThat(Browser.location(sent)).isEqualTo(link + "/pages/lifestyle");
        String again = browser.get(link + "/pages/lifestyle").asString();
        assertThat(again).contains("New question, because of your answer above").contains("the new questions are marked")
                .doesNotContain("There is a problem").doesNotContain("aria-invalid");

        // left unanswered once shown, it is a problem
        browser.post(link + "/pages/lifestyle", "shown", "smoker,cigarettes_per_day,alcohol_units_per_week,travel_advisory,hazardous_pursuits",
                "smoker", "true", "alcohol_units_per_week", "8", "travel_advisory", "none", "action", "next");
        assertThat(browser.get(link + "/pages/lifestyle").asString()).contains("There is a problem").contains("Enter a number");
    }

    @Test
    void thePageCanAskWhichQuestionsAnAnswerBringsWithoutStoringIt() {
        Browser browser = new Browser();
        String link = start(browser);
        browser.get(link + "/pages/lifestyle");
        Response asked = browser.post(link + "/pages/lifestyle/asked", "smoker", "true");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.jsonPath().getList("asked", String.class)).contains("smoker", "cigarettes_per_day");
        assertThat(browser.post(link + "/pages/lifestyle/asked", "smoker", "false").jsonPath().getList("asked", String.class))
                .doesNotContain("cigarettes_per_day");
        assertThat(storedAnswers(link)).doesNotContain("smoker");
    }

    @Test
    void errorsPeopleCanMeetAreBrandedPagesWithAWayBack() {
        Browser browser = new Browser();
        browser.get("/");
        Response unknown = browser.get("/interview/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.asString()).contains("We cannot find this application").contains("Runtime Test Life").doesNotContain("{\"");

        String link = start(browser);
        // a form whose CSRF token no longer matches its cookie (a page left open past the cookie)
        Response lapsed = given().redirects().follow(false).cookie("csrf-token", "bm90LXRoZS1yaWdodC1vbmUtYXQtYWxsLW5vLW5vLW5v")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "x").formParam("height_cm", "170")
                .post(link + "/pages/build");
        assertThat(lapsed.statusCode()).isEqualTo(400);
        assertThat(lapsed.contentType()).startsWith("text/html");
        assertThat(lapsed.asString()).contains("This page was open for too long").contains("href=\"" + link + "\"");

        // the integrator API keeps problem+json
        given().get("/api/v1/cases/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theStartPageSaysWhatTheApplicationInvolvesAndNothingOfTheMachinery() {
        String landing = new Browser().get("/").asString();
        assertThat(landing).contains("Start your application").contains("about 10 minutes")
                .doesNotContain("Schema version").doesNotContain("Messaging").doesNotContain(TenantStack.TENANT);
    }

    @Test
    void theDecisionSaysWhatHappensNextAndGivesAReferenceToReadOut() {
        Browser browser = new Browser();
        String link = start(browser);
        aboutYou(browser, link, "1990-06-15", "250000", "25");
        browser.post(link + "/pages/build", "height_cm", "168", "weight_kg", "64", "action", "next");
        browser.post(link + "/pages/lifestyle", "shown", "smoker,cigarettes_per_day,alcohol_units_per_week,travel_advisory,hazardous_pursuits",
                "smoker", "true", "cigarettes_per_day", "30", "alcohol_units_per_week", "8", "travel_advisory", "none", "action", "next");
        browser.post(link + "/pages/health", "asthma", "false", "diabetes", "false", "hypertension", "false", "heart_condition", "none",
                "cancer_history", "false", "mental_health", "none", "family_history_under_60", "0", "under_investigation", "false",
                "hospital_admissions_12m", "0", "self_harm", "none", "action", "next");
        browser.post(link + "/submit");
        String decision = browser.get(link + "/decision").asString();
        assertThat(decision).contains("data-outcome=\"RATED\"").contains("What happens next").contains("75% higher than our standard premium")
                .contains("within 2 working days").doesNotContain("rating table");
        assertThat(decision).containsPattern("data-testid=\"reference\">[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}<");
    }
}
