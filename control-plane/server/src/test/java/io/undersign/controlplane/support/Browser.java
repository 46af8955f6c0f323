package io.undersign.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
 * A real browser (headless Debian Chromium through chromedriver) for the tests people's pages get:
 * it trusts the platform CA's edge certificates and nothing else, checks pages with axe-core's WCAG
 * 2.1 A/AA rules, and drives the interview as an applicant would. CI installs Chromium; elsewhere a
 * test that needs it is skipped when it is missing.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver browser;
    private static Path profile;

    private Browser() {
    }

    public static WebDriver start() throws IOException {
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
                "Chromium is not installed (apt-get install chromium chromium-driver); CI installs it");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                // the edge's certificates come from the platform CA: trust it, and nothing else
                "--ignore-certificate-errors-spki-list=" + spki(Edge.platformCa()));
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    public static void quit() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String spki(java.security.cert.X509Certificate ca) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(ca.getPublicKey().getEncoded());
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From the start page to the decision page, answering every page with {@code answers}. */
    public static void completeInterview(String base, Map<String, List<String>> answers) {
        browser.get(base + "/");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Start your application']")));
        for (int step = 0; step < 12 && browser.getCurrentUrl().contains("/pages/"); step++) {
            fillPresentFields(answers);
            clickAndWait(browser.findElement(By.cssSelector("button[value=next]")));
        }
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Submit my application']")));
    }

    public static void accessible(String page) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getViolations()).as("%s (%s): %s", page, browser.getCurrentUrl(), results.getViolations().stream()
                .map(v -> v.getId() + " " + v.getHelp() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList()).isEmpty();
    }

    /** Clicks and waits for the next page: the clicked element goes stale once the browser navigated. */
    public static void clickAndWait(WebElement element) {
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
    public static void fillPresentFields(Map<String, List<String>> answers) {
        for (int round = 0; round < 3; round++) {
            fillShownFields(answers);
            awaitQuestionsSettled();
        }
    }

    /** The page's script asks the runtime which questions an answer brings; wait for its answer. */
    public static void awaitQuestionsSettled() {
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

    /** Answers of a healthy applicant, as the interview's fields take them. */
    public static Map<String, List<String>> healthy() {
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
