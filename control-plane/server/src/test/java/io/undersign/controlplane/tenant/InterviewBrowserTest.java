package io.undersign.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.support.Api;
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
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver browser;
    private static Path profile;
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
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
                "Chromium is not installed (apt-get install chromium chromium-driver); CI installs it");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                // the edge's certificates come from the platform CA: trust it, and nothing else
                "--ignore-certificate-errors-spki-list=" + spki(io.undersign.controlplane.support.Edge.platformCa()));
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private static String spki(java.security.cert.X509Certificate ca) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(ca.getPublicKey().getEncoded());
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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

    private static void accessible(String page) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getViolations()).as("%s (%s): %s", page, browser.getCurrentUrl(), results.getViolations().stream()
                .map(v -> v.getId() + " " + v.getHelp() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList()).isEmpty();
    }

    /** Clicks and waits for the next page: the clicked element goes stale once the browser navigated. */
    private static void clickAndWait(WebElement element) {
        element.click();
        // while the page is being replaced chromedriver may answer with other errors than "stale": try again
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(driver -> ExpectedConditions.stalenessOf(element).apply(driver)
                        && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Answers every field shown on the page that the applicant has an answer for; a follow-up the
     * page's script reveals as an answer is chosen is answered on the next round.
     */
    private static void fillPresentFields(Map<String, List<String>> answers) {
        for (int round = 0; round < 3; round++) {
            fillShownFields(answers);
            awaitQuestionsSettled();
        }
    }

    /** The page's script asks the runtime which questions an answer brings; wait for its answer. */
    private static void awaitQuestionsSettled() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector("form[data-pending]")).isEmpty());
    }

    private static void fillShownFields(Map<String, List<String>> answers) {
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            List<WebElement> inputs = browser.findElements(By.name(answer.getKey()));
            // a question not asked now is on the page, hidden: nobody answers what they cannot see
            if (inputs.isEmpty() || !browser.findElements(By.cssSelector("[data-question='" + answer.getKey() + "'][hidden]")).isEmpty()) {
                continue;
            }
            String type = inputs.get(0).getAttribute("type");
            if (type.equals("radio") || type.equals("checkbox")) {
                for (WebElement input : inputs) {
                    if (answer.getValue().contains(input.getAttribute("value")) != input.isSelected()) {
                        browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
                    }
                }
            } else {
                // set the value as a person's typing would leave it, whatever the browser's date widget, and say it changed
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", inputs.get(0), answer.getValue().get(0));
            }
        }
    }

    private static Map<String, List<String>> healthy() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("date_of_birth", List.of("1990-06-15"));
        a.put("sex", List.of("female"));
        a.put("sum_assured", List.of("250000"));
        a.put("term_years", List.of("25"));
        a.put("occupation_class", List.of("1"));
        a.put("height_cm", List.of("168"));
        a.put("weight_kg", List.of("64"));
        a.put("smoker", List.of("false"));
        a.put("alcohol_units_per_week", List.of("8"));
        a.put("travel_advisory", List.of("none"));
        a.put("asthma", List.of("false"));
        a.put("diabetes", List.of("false"));
        a.put("hypertension", List.of("false"));
        a.put("heart_condition", List.of("none"));
        a.put("cancer_history", List.of("false"));
        a.put("mental_health", List.of("none"));
        a.put("family_history_under_60", List.of("0"));
        a.put("under_investigation", List.of("false"));
        a.put("hospital_admissions_12m", List.of("0"));
        a.put("self_harm", List.of("none"));
        return a;
    }
}
