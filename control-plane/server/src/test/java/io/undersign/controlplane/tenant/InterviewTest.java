package io.undersign.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.FormClient;
import io.undersign.controlplane.support.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An applicant completes the interview of a real tenant runtime through the edge, with plain HTML forms. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class InterviewTest {

    @Test
    void applicantAnswersPageByPageWithFollowUpsErrorsBackAndResumeThenSeesTheDecision() throws Exception {
        String tenant = Api.uniqueId("intv");
        Api.onboard(tenant);
        FormClient browser = new FormClient("uw." + tenant + ".localhost");

        assertThat(browser.get("/").body()).contains("Start your application");
        HttpResponse<String> started = browser.post("/interview/start");
        assertThat(started.statusCode()).isEqualTo(303);
        String caseLink = FormClient.location(started);
        assertThat(started.headers().firstValue("Location").orElseThrow())
                .as("redirects are relative: never the runtime's own address")
                .startsWith("/interview/");
        assertThat(caseLink).matches("/interview/[A-Za-z0-9_-]{22}");
        assertThat(FormClient.location(browser.get(caseLink))).isEqualTo(caseLink + "/pages/about-you");

        HttpResponse<String> aboutYou = browser.get(caseLink + "/pages/about-you");
        assertThat(aboutYou.body()).contains("Tenant " + tenant).contains("<label class=\"q\" for=\"sum_assured\">How much cover do you want?</label>")
                .contains("<span class=\"prefix\" aria-hidden=\"true\">£</span>");

        HttpResponse<String> sent = browser.post(caseLink + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "male",
                "sum_assured", "lots", "term_years", "25", "occupation_class", "1", "action", "next");
        // redirect after every POST, problems included: the browser's Back never offers to resend the form
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(FormClient.location(sent)).isEqualTo(caseLink + "/pages/about-you");
        HttpResponse<String> invalid = browser.get(caseLink + "/pages/about-you");
        assertThat(invalid.body()).contains("role=\"alert\"").contains("Error: </span>Enter an amount in pounds, like 250,000")
                .contains("aria-invalid=\"true\"").contains("value=\"1990-06-15\"")
                .contains("value=\"lots\"").contains("How much cover do you want? — Enter an amount in pounds, like 250,000");

        assertThat(FormClient.location(browser.post(caseLink + "/pages/about-you", "date_of_birth", "1990-06-15", "sex", "male",
                "sum_assured", "250000", "term_years", "25", "occupation_class", "1", "action", "next"))).endsWith("/pages/build");
        assertThat(FormClient.location(browser.post(caseLink + "/pages/build", "height_cm", "180", "weight_kg", "80", "action", "next")))
                .endsWith("/pages/lifestyle");

        // without script, a follow-up is asked once its trigger is sent: as a new question, not as a mistake
        HttpResponse<String> sentLifestyle = browser.post(caseLink + "/pages/lifestyle", "smoker", "true", "alcohol_units_per_week", "10",
                "travel_advisory", "none", "action", "next");
        assertThat(FormClient.location(sentLifestyle)).isEqualTo(caseLink + "/pages/lifestyle");
        HttpResponse<String> followUp = browser.get(caseLink + "/pages/lifestyle");
        assertThat(followUp.body()).contains("How many cigarettes (or equivalent) a day?").contains("New question, because of your answer above")
                .doesNotContain("There is a problem");

        assertThat(FormClient.location(browser.post(caseLink + "/pages/lifestyle", "smoker", "true", "cigarettes_per_day", "30",
                "alcohol_units_per_week", "10", "travel_advisory", "none", "action", "next"))).endsWith("/pages/health");

        // back keeps what was answered
        HttpResponse<String> backResponse = browser.post(caseLink + "/pages/health", "asthma", "false", "action", "back");
        assertThat(backResponse.statusCode()).as(backResponse.body()).isEqualTo(303);
        assertThat(FormClient.location(backResponse)).endsWith("/pages/lifestyle");
        assertThat(browser.get(caseLink + "/pages/lifestyle").body()).contains("value=\"30\"");

        // leave and resume by the case link, in a new browser
        FormClient later = new FormClient("uw." + tenant + ".localhost");
        assertThat(FormClient.location(later.get(caseLink))).endsWith("/pages/health");
        assertThat(later.get(caseLink + "/pages/health").body()).contains("Have you ever had asthma?");

        assertThat(FormClient.location(later.post(caseLink + "/pages/health", "asthma", "false", "diabetes", "false",
                "hypertension", "false", "heart_condition", "none", "cancer_history", "false", "mental_health", "none",
                "family_history_under_60", "0", "under_investigation", "false", "hospital_admissions_12m", "0",
                "self_harm", "none", "action", "next"))).endsWith("/review");
        assertThat(later.get(caseLink + "/review").body()).contains("How many cigarettes (or equivalent) a day?").contains("30");

        assertThat(FormClient.location(later.post(caseLink + "/submit"))).endsWith("/decision");
        HttpResponse<String> decision = later.get(caseLink + "/decision");
        assertThat(decision.body()).contains("data-outcome=\"RATED\"").contains("higher premium").contains("75%");
        assertThat(FormClient.location(later.get(caseLink))).endsWith("/decision");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndCaseLinksCannotBeGuessed() throws Exception {
        String tenant = Api.uniqueId("csrf");
        Api.onboard(tenant);
        FormClient browser = new FormClient("uw." + tenant + ".localhost");
        var landing = browser.get("/");
        // the CSRF cookie only ever travels over https
        assertThat(landing.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure"), "Secure");
        assertThat(browser.postRaw("/interview/start", "").statusCode()).isEqualTo(400);
        assertThat(browser.get("/interview/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(browser.get("/interview/not-a-case").statusCode()).isEqualTo(404);
    }
}
