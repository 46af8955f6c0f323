package io.undersign.controlplane.identity;

import static io.undersign.controlplane.support.Api.as;
import static io.undersign.controlplane.support.Browser.accessible;
import static io.undersign.controlplane.support.Browser.clickAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.undersign.controlplane.security.Role;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Browser;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.support.WorkbenchProfile;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The workbench in a real browser, as an underwriter meets it: sign-in at the tenant's identity
 * provider, the queue, a referred case claimed, a decision beyond authority refused and sent for
 * approval, sign-out, a senior colleague's approval, and the applicant's page saying the outcome in
 * plain words. Every workbench page passes axe-core's WCAG 2.1 A and AA rules.
 */
@QuarkusTest
@TestProfile(WorkbenchProfile.class)
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class WorkbenchBrowserTest {
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        Browser.quit();
    }

    @Test
    void signInClaimDecideBeyondAuthorityAndFourEyes() {
        String tenant = Api.uniqueId("wbweb");
        Api.onboard(tenant);
        Map<String, String> passwords = new HashMap<>();
        List<Map<String, String>> people = as(Role.ADMIN).post("/api/v1/tenants/" + tenant + "/identity/demo-underwriters")
                .then().statusCode(200).extract().jsonPath().getList("underwriters");
        people.forEach(p -> passwords.put(p.get("username"), p.get("password")));
        String base = "https://uw." + tenant + ".localhost:18443";

        // an applicant whose heart attack five years ago the engine refers
        Map<String, List<String>> answers = Browser.healthy();
        answers.put("sum_assured", List.of("400000"));
        answers.put("heart_condition", List.of("heart-attack"));
        answers.put("cardiac_event_months_ago", List.of("60"));
        Browser.completeInterview(base, answers);
        assertThat(browser.findElement(By.cssSelector("h1[data-testid=outcome]")).getAttribute("data-outcome")).isEqualTo("REFER");
        String decisionPage = browser.getCurrentUrl();
        String caseId = decisionPage.replaceAll(".*/interview/([^/]+)/decision$", "$1");

        signIn(base, "ada.lovell", passwords);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cases waiting for an underwriter");
        accessible("workbench queue");
        clickAndWait(browser.findElement(By.cssSelector("tr[data-case='" + caseId + "'] a")));
        accessible("case page");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Claim this case']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=assignee]")).getText()).isEqualTo("Ada Lovell");

        decide("DECLINE", "EVIDENCE_REVIEWED", "Second event within the year.", false);
        assertThat(browser.findElement(By.cssSelector("[data-testid=problems]")).getText())
                .contains("the sum assured 400,000 is over your limit of 250,000", "needs authority to decline");
        accessible("case page refusing a decision beyond authority");
        decide("DECLINE", "EVIDENCE_REVIEWED", "Second event within the year.", true);
        assertThat(browser.findElement(By.cssSelector("[data-testid=queue-state]")).getText()).startsWith("Waiting for approval");

        browser.get(base + "/workbench/sign-out");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are signed out");
        accessible("signed out");

        signIn(base, "ben.okafor", passwords);
        browser.get(base + "/workbench/cases/" + caseId);
        accessible("case page with a decision to approve");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Approve this decision']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=standing]")).getText())
                .isEqualTo("Decline by Ada Lovell, approved by Ben Okafor");
        browser.get(base + "/workbench/authority");
        accessible("authority limits");

        browser.get(decisionPage);
        assertThat(browser.findElement(By.cssSelector("h1[data-testid=outcome]")).getText()).isEqualTo("We are sorry: we cannot offer you cover.");
    }

    /** The tenant's identity provider's own login page (Keycloak's), then back to the workbench. */
    private static void signIn(String base, String username, Map<String, String> passwords) {
        browser.get(base + "/workbench");
        assertThat(browser.getCurrentUrl()).contains("/realms/tenant-");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(passwords.get(username));
        clickAndWait(browser.findElement(By.id("kc-login")));
        assertThat(browser.getCurrentUrl()).startsWith(base + "/workbench");
    }

    private static void decide(String outcome, String reasonCode, String text, boolean sendForApproval) {
        new Select(browser.findElement(By.id("outcome"))).selectByValue(outcome);
        new Select(browser.findElement(By.id("reasonCode"))).selectByValue(reasonCode);
        browser.findElement(By.id("reasonText")).clear();
        browser.findElement(By.id("reasonText")).sendKeys(text);
        if (sendForApproval != browser.findElement(By.id("sendForApproval")).isSelected()) {
            browser.findElement(By.cssSelector("label[for=sendForApproval]")).click();
        }
        clickAndWait(browser.findElement(By.xpath("//button[text()='Record my decision']")));
    }
}
