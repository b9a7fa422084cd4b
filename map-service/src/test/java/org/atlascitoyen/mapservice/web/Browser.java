package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through chromedriver, with the waits the map's tests
 * share. A JUnit extension, one per test class of a {@link WebIT}:
 * {@code @RegisterExtension static final Browser browser = new Browser();} starts Chromium before
 * the class, points it at the class's service before each test, and after each test saves a
 * screenshot named after it and fails on console errors ({@link #finish}).
 *
 * <p>Chromium is started as {@link HeadlessChromium} says (no host but localhost resolves, so
 * the OpenStreetMap tiles fail as they do offline). Each test leaves a screenshot in
 * {@code target/screenshots/} and fails on any console error other than those tile loads.
 *
 * <p>Downloads land in {@link #downloads()}, emptied before each test. A test may place the
 * browser somewhere ({@link #setGeolocation}): {@link #finish} forgets the place and the
 * permission.
 *
 * <p>Selenium's start-up warning
 * that it has no DevTools (CDP) binding for this Chromium version is harmless: the few DevTools
 * commands used here (geolocation, downloads) go through chromedriver's own endpoint
 * ({@code executeCdpCommand}), which needs no binding.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    ChromeDriver driver;
    private Path profile;
    private Path downloads;
    private int port;

    /** Starts Chromium ({@link HeadlessChromium}) for the test class. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        profile = Files.createTempDirectory("atlas-chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        driver = HeadlessChromium.start(profile,
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        // Headless Chromium may deny downloads whatever the preferences say: allowed explicitly.
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        // Tests read which API requests a page made from its resource timings: room for every
        // request of a test, not just the default 250 (a moving map asks for many tiles).
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "performance.setResourceTimingBufferSize(100000)"));
    }

    /** Points the browser at the service of the test instance (its port is known only there). */
    @Override
    public void beforeEach(ExtensionContext context) {
        port = ((WebIT) context.getRequiredTestInstance()).port();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        finish(context.getRequiredTestMethod().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * After a test: waits for the page to settle, saves a screenshot named after the test, puts
     * the window back to its size, and fails on console errors.
     */
    void finish(String testName) throws IOException {
        try {
            // The map's pages: the base in the picture, its requests done before the console is
            // read. The write side's pages without the map (report, my contributions) have none.
            if (!driver.findElements(By.id("map")).isEmpty()) {
                waitForBase();
                waitForMarkers();
            }
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(testName + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            // The next test starts from the same browser whatever happened in this one.
            driver.manage().window().setSize(new Dimension(1280, 800));
            driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
            driver.executeCdpCommand("Browser.resetPermissions", Map.of());
            emptyDownloads();
        }
        assertConsoleHasNoErrorsButFailedTiles();
    }

    /** Where the browser saves downloads (empty at the start of each test). */
    Path downloads() {
        return downloads;
    }

    private void emptyDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Grants the service's pages the position and says the device is at (lat, lon), as a phone
     * whose user accepted would; {@link #finish} takes both back.
     */
    void setGeolocation(double lat, double lon) {
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", lat, "longitude", lon, "accuracy", 10));
    }

    /** Loads a page of the service afresh (a new document, even when only the hash differs). */
    void open(String pathAndHash) {
        driver.get("about:blank");
        driver.get("http://localhost:" + port + pathAndHash);
    }

    /**
     * Waits for a condition. An element the page replaced while the condition read it (a list
     * rendered again) is read afresh at the next try rather than failing the test.
     */
    <T> T until(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** As {@link #until(String, Function)}, the message computed on failure (to say what was seen). */
    <T> T until(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement waitFor(String css) {
        return until(css + " present", ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    WebElement waitForVisible(String css) {
        return until(css + " visible", ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits for the région and départements to be drawn, or to have failed. */
    WebElement waitForBase() {
        return until("the vector base to finish loading", d -> {
            WebElement map = d.findElement(By.id("map"));
            String status = map.getDomAttribute("data-base");
            return status != null && !status.equals("loading") ? map : null;
        });
    }

    /** Waits for the markers of the current view and filters (if the page draws markers). */
    void waitForMarkers() {
        until("the markers to be drawn", d -> {
            String status = d.findElement(By.id("map")).getDomAttribute("data-markers");
            return status == null || !status.equals("loading");
        });
    }

    List<WebElement> waitForOptions() {
        return until("search results", ExpectedConditions.visibilityOfAllElementsLocatedBy(
                By.cssSelector("#search-results [role=option]")));
    }

    /** Waits for the panel to show `title`, loaded (while loading it already shows the name). */
    void waitForPanelTitle(String title) {
        // One script, so the panel cannot re-render between reading its state and its title.
        until("the panel titled '" + title + "', loaded", d -> title.equals(script(
                "const panel = document.getElementById('panel');"
                        + " return panel.hasAttribute('aria-busy') ? null : panel.querySelector('h2')?.textContent")));
    }

    /** Types a territory search, clicks the first result and waits for its panel. */
    void chooseFirstResult(String query, String panelTitle) {
        find("#search-input").sendKeys(query);
        waitForOptions().get(0).click();
        waitForPanelTitle(panelTitle);
    }

    String panelText() {
        return find("#panel").getText();
    }

    String hash() {
        return (String) script("return location.hash");
    }

    Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    private static final Pattern SIGNIN_LINK = Pattern.compile("/connexion\\.html#jeton=[A-Za-z0-9_-]+");

    /**
     * Signs in as a person does: asks for a link on the sign-in page, reads it in the mail the
     * test's SMTP server received, follows it and presses the page's button.
     */
    void signIn(GreenMail smtp, String email) throws Exception {
        open("/");
        driver.manage().deleteAllCookies();
        String before = SignIn.mailbox(smtp).newestTo(email).orElse(""); // a link mailed earlier is spent
        open("/connexion.html");
        waitForVisible("#email").sendKeys(email);
        find("#signin-form button[type=submit]").click();
        Instant start = Instant.now();
        String link = null;
        while (link == null && Duration.between(start, Instant.now()).compareTo(TIMEOUT) < 0) {
            Optional<String> mail = SignIn.mailbox(smtp).newestTo(email).filter(m -> !m.equals(before));
            if (mail.isPresent()) {
                Matcher m = SIGNIN_LINK.matcher(mail.get());
                link = m.find() ? m.group() : null;
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(link).as("sign-in link mailed to " + email).isNotNull();
        open(link);
        waitForVisible("#signin-button").click();
        until("signed in", d -> d.getCurrentUrl().endsWith("/compte.html"));
    }

    /** Types in a territory search of a page and clicks the first result starting with {@code option}. */
    void choose(String input, String text, String option) {
        find(input).sendKeys(text);
        WebElement result = until("a result " + option, d -> d.findElements(By.cssSelector(input + " ~ ul button")).stream()
                .filter(b -> b.getText().startsWith(option)).findFirst().orElse(null));
        result.click();
    }

    /** Fails on SEVERE console entries other than failed tiles; returns how many tiles failed. */
    long assertConsoleHasNoErrorsButFailedTiles() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("console errors").filteredOn(e -> !HeadlessChromium.FAILED_TILE.matcher(e.getMessage()).matches())
                .extracting(LogEntry::getMessage).isEmpty();
        return severe.size();
    }
}
