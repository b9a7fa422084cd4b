package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map in a real browser: the system's headless Chromium, driven through chromedriver,
 * on the whole service and a database with the reference territories (see {@link ServiceIT}).
 *
 * <p>Chromium resolves no host name but {@code localhost}: the OpenStreetMap tiles always fail,
 * as they do offline, so the tests see the vector base alone, never hit the OSM servers from CI,
 * and do not depend on the network. Each test leaves a screenshot in
 * {@code target/screenshots/} and fails on any console error other than those tile loads.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, started as
 * {@link HeadlessChromium} says (other paths through system properties). Selenium's start-up warning
 * that it has no DevTools (CDP) binding for this Chromium version is harmless: these tests use
 * WebDriver only.
 */
class WebMapIT extends ServiceIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static ChromeDriver browser;
    private static Path profile;

    /**
     * The actors the map draws: the fixture of ActorApiIT (two in Toulouse, one in Aveyron...).
     * Importing it again is a no-op, whichever test class runs first.
     */
    @BeforeAll
    static void importActors() throws Exception {
        importActorFixture();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        profile = Files.createTempDirectory("atlas-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) throws IOException {
        waitForBase(); // in the picture, and its requests done before the console is read
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 800));
        assertConsoleHasNoErrorsButFailedTiles();
    }

    @Test
    void drawsTheRegionAndItsThirteenDepartements() {
        open("/");

        WebElement map = waitForBase();
        assertThat(map.getDomAttribute("data-base")).as("vector base status").isEqualTo("ready");
        assertThat(browser.findElements(By.cssSelector("#map path.atlas-departement"))).hasSize(13);
        assertThat(browser.findElements(By.cssSelector("#map path.atlas-region"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#map .atlas-label")))
                .extracting(WebElement::getText).contains("Hérault", "Pyrénées-Orientales", "Lozère");
    }

    @Test
    void searchingBeziersListsItAndChoosingItShowsItsPanel() {
        open("/");
        WebElement input = browser.findElement(By.id("search-input"));

        input.sendKeys("beziers");
        List<WebElement> options = waitForOptions();
        assertThat(options.get(0).getText()).contains("Béziers", "Commune");
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");

        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
        assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
        input.sendKeys(Keys.ENTER);

        waitForPanelTitle("Béziers");
        assertThat(panelText()).contains("Commune", "34032", "CA de Béziers-Méditerranée", "Hérault", "Occitanie", "QPV");
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElements(By.cssSelector("#map path.atlas-selection"))).hasSize(1);
        assertThat(hash()).contains("territory=commune:34032");
    }

    @Test
    void clickingTheMapAtToulouseListsToulouseMetropole() {
        open("/#map=12/43.6045/1.4442");

        // The hash centres the map on Toulouse: click beside the middle of the map, where the
        // fixture's actor (a marker, which opens the actor instead) is not.
        new Actions(browser).moveToElement(browser.findElement(By.id("map")), -60, 0).click().perform();

        waitForPanelTitle("Ce point est dans :");
        assertThat(browser.findElements(By.cssSelector("#panel li button")))
                .extracting(WebElement::getText).contains("Toulouse", "Toulouse Métropole", "Haute-Garonne");
        assertThat(hash()).contains("point=43.604");

        // Each territory listed opens like a search result, with a way back to the point.
        browser.findElement(By.xpath("//*[@id='panel']//button[text()='Toulouse Métropole']")).click();
        waitForPanelTitle("Toulouse Métropole");
        assertThat(panelText()).contains("Métropole", "Retour au point cliqué");
    }

    @Test
    void actorsAreDotsOfTheirTypeAndClustersWithALegend() {
        open("/#map=12/43.6045/1.4442");
        WebElement fabrique = new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".actor-dot[title='Tiers-lieu La Fabrique (Tiers-lieu)']")));
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("Types d’acteurs", "Tiers-lieu",
                "Association");
        fabrique.click();
        WebElement popup = new WebDriverWait(browser, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".actor-popup")));
        assertThat(popup.getText()).contains("Tiers-lieu La Fabrique", "Tiers-lieu");
        assertThat(hash()).as("a marker is not a point of the map").doesNotContain("point=");

        // Zoomed out, the Toulouse actors gather in one cluster that counts them; a click zooms in.
        open("/#map=7/43.6045/1.4442");
        WebElement cluster = new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".actor-cluster")));
        assertThat(cluster.getText()).isEqualTo("2");
        cluster.click();
        new WebDriverWait(browser, TIMEOUT).until(d -> hash().startsWith("#map=9/"));
    }

    @Test
    void aPointAtSeaIsOutsideTheRegion() {
        open("/#map=9/43.0/4.5&point=43.00000/4.50000");

        waitForPanelTitle("Hors de la région");
    }

    @Test
    void theUrlHashReproducesTheScreen() {
        open("/");
        chooseFirstResult("beziers", "Béziers");
        new WebDriverWait(browser, TIMEOUT).until(d -> hash().matches("#map=\\d+/[-\\d.]+/[-\\d.]+&territory=commune:34032"));
        String link = browser.getCurrentUrl();

        browser.get("about:blank");
        browser.get(link);

        waitForPanelTitle("Béziers");
        assertThat(browser.findElements(By.cssSelector("#map path.atlas-selection"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).as("same view, not refitted").isEqualTo(link);
    }

    @Test
    void theBackButtonReturnsToThePreviousSelection() {
        open("/");
        chooseFirstResult("beziers", "Béziers");
        new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
        waitForPanelTitle("Ce point est dans :");

        browser.navigate().back();
        waitForPanelTitle("Béziers");
        browser.navigate().back();
        new WebDriverWait(browser, TIMEOUT).withMessage("the panel closed")
                .until(d -> !d.findElement(By.id("panel")).isDisplayed());
        browser.navigate().forward();
        waitForPanelTitle("Béziers");
    }

    @Test
    void onANarrowScreenThePanelIsABottomSheet() {
        browser.manage().window().setSize(new Dimension(375, 800));
        open("/");
        chooseFirstResult("toulouse metropole", "Toulouse Métropole");

        @SuppressWarnings("unchecked")
        Map<String, Number> layout = (Map<String, Number>) browser.executeScript("""
                const panel = document.getElementById('panel').getBoundingClientRect();
                return {width: innerWidth, height: innerHeight, left: panel.left, right: panel.right,
                        bottom: panel.bottom, top: panel.top};""");
        assertThat(layout.get("width").intValue()).isEqualTo(375);
        assertThat(layout.get("left").intValue()).isZero();
        assertThat(layout.get("right").intValue()).isEqualTo(375);
        assertThat(layout.get("bottom").intValue()).isEqualTo(layout.get("height").intValue());
        assertThat(layout.get("top").doubleValue()).as("the sheet leaves the top half to the map")
                .isGreaterThan(layout.get("height").doubleValue() / 2);
    }

    @Test
    void theConsoleHasNoErrorsButFailedTileLoads() {
        open("/");
        chooseFirstResult("montpelier", "Montpellier");
        browser.findElement(By.xpath("//*[@id='panel']//button[text()='Hérault']")).click();
        waitForPanelTitle("Hérault");

        // The filter must have something to filter, or it could be matching nothing at all.
        assertThat(assertConsoleHasNoErrorsButFailedTiles()).as("failed tile loads seen").isPositive();
    }

    /** Types a search, clicks the first result and waits for its panel. */
    private void chooseFirstResult(String query, String panelTitle) {
        browser.findElement(By.id("search-input")).sendKeys(query);
        waitForOptions().get(0).click();
        waitForPanelTitle(panelTitle);
    }

    /** Loads a page of the service afresh (a new document, even when only the hash differs). */
    private void open(String pathAndHash) {
        browser.get("about:blank");
        browser.get("http://localhost:" + port + pathAndHash);
    }

    /** Waits for the région and départements to be drawn, or to have failed. */
    private WebElement waitForBase() {
        return new WebDriverWait(browser, TIMEOUT).withMessage("the vector base to finish loading").until(d -> {
            WebElement map = d.findElement(By.id("map"));
            String status = map.getDomAttribute("data-base");
            return status != null && !status.equals("loading") ? map : null;
        });
    }

    private List<WebElement> waitForOptions() {
        return new WebDriverWait(browser, TIMEOUT)
                .until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#search-results [role=option]")));
    }

    /** Waits for the panel to show `title`, loaded (while loading it already shows the name). */
    private void waitForPanelTitle(String title) {
        // One script, so the panel cannot re-render between reading its state and its title.
        new WebDriverWait(browser, TIMEOUT).withMessage("the panel titled '" + title + "', loaded").until(d -> title.equals(
                browser.executeScript("const panel = document.getElementById('panel');"
                        + " return panel.hasAttribute('aria-busy') ? null : panel.querySelector('h2')?.textContent")));
    }

    private String panelText() {
        return browser.findElement(By.id("panel")).getText();
    }

    private String hash() {
        return (String) browser.executeScript("return location.hash");
    }

    /** Fails on SEVERE console entries other than failed tiles; returns how many tiles failed. */
    private static long assertConsoleHasNoErrorsButFailedTiles() {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("console errors").filteredOn(e -> !HeadlessChromium.FAILED_TILE.matcher(e.getMessage()).matches())
                .extracting(LogEntry::getMessage).isEmpty();
        return severe.size();
    }
}
