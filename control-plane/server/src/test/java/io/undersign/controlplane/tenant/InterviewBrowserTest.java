package io.undersign.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Api;
import static io.undersign.controlplane.support.Browser.accessible;
import static io.undersign.controlplane.support.Browser.awaitQuestionsSettled;
import static io.undersign.controlplane.support.Browser.clickAndWait;
import static io.undersign.controlplane.support.Browser.fillPresentFields;
import static io.undersign.controlplane.support.Browser.healthy;
import io.undersign.controlplane.support.Browser;
import io.undersign.controlplane.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (headless Chromium) drives the interview through the local edge for three
 * applicants and reads the decision page. CI installs Chromium; elsewhere the test is skipped
 * when it is missing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class InterviewBrowserTest {
    private static WebDriver browser;
    private static String tenant;

    static Stream<Arguments> applicants() {
        Map<String, List<String>> standard = healthy();
        Map<String, List<String>> rated = healthy();
        rated.put("smoker", List.of("true"));
        rated.put("cigarettes_per_day", List.of("30"));
        Map<String, List<String>> referred = healthy();
        referred.put("heart_condition", List.of("heart-attack"));
        referred.put("cardiac_event_months_ago", List.of("60"));
        return Stream.of(Arguments.of("standard", standard, "STANDARD", "standard terms"),
                Arguments.of("rated", rated, "RATED", "higher premium"),
                Arguments.of("referred", referred, "REFER", "An underwriter will look at your application"));
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @BeforeEach
    void tenant() {
        // here, not in @BeforeAll: the test's HTTP port is set up per test
        if (tenant == null) {
            tenant = Api.uniqueId("web");
            Api.onboard(tenant);
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        Browser.quit();
    }

    @ParameterizedTest(name = "{0} applicant")
    @MethodSource("applicants")
    void completesTheInterviewAndSeesTheDecision(String who, Map<String, List<String>> answers, String outcome, String wording) {
        browser.get("https://uw." + tenant + ".localhost:18443/");
        assertThat(browser.getTitle()).contains("Tenant " + tenant);
        clickAndWait(browser.findElement(By.xpath("//button[text()='Start your application']")));
        for (int step = 0; step < 12 && browser.getCurrentUrl().contains("/pages/"); step++) {
            fillPresentFields(answers);
            clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        }
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your answers");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Submit my application']")));
        WebElement headline = browser.findElement(By.cssSelector("h1[data-testid=outcome]"));
        assertThat(headline.getAttribute("data-outcome")).isEqualTo(outcome);
        assertThat(headline.getText()).contains(wording);
    }

    /**
     * Every kind of page an applicant can meet passes axe-core's WCAG 2.1 A and AA rules: the start
     * page, a question page, one with problems, one with a follow-up revealed by the page's script,
     * the review, the decision, the page that says cover is ruled out, and an error page.
     */
    @Test
    void everyPageTypeMeetsWcag21AA() {
        String base = "https://uw." + tenant + ".localhost:18443";
        browser.get(base + "/");
        accessible("start page");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Start your application']")));
        accessible("question page");
        clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("There is a problem");
        accessible("question page with problems");

        Map<String, List<String>> answers = healthy();
        fillPresentFields(answers);
        clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        fillPresentFields(answers);
        clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        assertThat(browser.getCurrentUrl()).endsWith("/pages/lifestyle");
        WebElement cigarettes = browser.findElement(By.cssSelector("[data-question=cigarettes_per_day]"));
        assertThat(cigarettes.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label[for='smoker-0']")).click();
        awaitQuestionsSettled();
        assertThat(cigarettes.isDisplayed()).as("the follow-up appears as its trigger is chosen, before Continue").isTrue();
        accessible("question page with a revealed follow-up");
        browser.findElement(By.cssSelector("label[for='smoker-1']")).click();
        awaitQuestionsSettled();
        assertThat(cigarettes.isDisplayed()).as("and goes when the answer no longer asks it").isFalse();

        for (int step = 0; step < 6 && browser.getCurrentUrl().contains("/pages/"); step++) {
            fillPresentFields(answers);
            clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        }
        accessible("review");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Submit my application']")));
        accessible("decision");

        browser.get(base + "/interview/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("We cannot find this application");
        accessible("error page");

        browser.get(base + "/");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Start your application']")));
        Map<String, List<String>> young = healthy();
        young.put("date_of_birth", List.of(java.time.LocalDate.now().minusYears(16).toString()));
        fillPresentFields(young);
        clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        assertThat(browser.getCurrentUrl()).endsWith("/ineligible");
        accessible("cover ruled out");
    }

}
