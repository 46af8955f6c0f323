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
                Arguments.of("referred", referred, "REFER", "An underwriter will review"));
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

    /** Clicks and waits for the next page: the clicked element goes stale once the browser navigated. */
    private static void clickAndWait(WebElement element) {
        element.click();
        // while the page is being replaced chromedriver may answer with other errors than "stale": try again
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(driver -> ExpectedConditions.stalenessOf(element).apply(driver)
                        && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Answers every field on the page that the applicant has an answer for (follow-ups appear after Continue). */
    private static void fillPresentFields(Map<String, List<String>> answers) {
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            List<WebElement> inputs = browser.findElements(By.name(answer.getKey()));
            if (inputs.isEmpty()) {
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
                // set the value as a person's typing would leave it, whatever the browser's date widget
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", inputs.get(0), answer.getValue().get(0));
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
