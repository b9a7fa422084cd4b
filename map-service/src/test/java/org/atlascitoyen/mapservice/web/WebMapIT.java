package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web map in a real browser ({@link Browser}) on the whole service and a database with the
 * reference territories and the small actor fixture (see {@link ServiceIT}): the base, the
 * territory search, clicks on the map, the URL and the narrow layout.
 */
class WebMapIT extends ServiceIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    /**
     * The actors the map draws: the fixture of ActorApiIT (two in Toulouse, one in Aveyron...).
     * Importing it again is a no-op, whichever test class runs first.
     */
    @BeforeAll
    static void importActors() throws Exception {
        importActorFixture();
    }

    @Test
    void drawsTheRegionAndItsThirteenDepartements() {
        browser.open("/");

        WebElement map = browser.waitForBase();
        assertThat(map.getDomAttribute("data-base")).as("vector base status").isEqualTo("ready");
        assertThat(browser.driver.findElements(By.cssSelector("#map path.atlas-departement"))).hasSize(13);
        assertThat(browser.driver.findElements(By.cssSelector("#map path.atlas-region"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#map .atlas-label")))
                .extracting(WebElement::getText).contains("Hérault", "Pyrénées-Orientales", "Lozère");
    }

    @Test
    void searchingBeziersListsItAndChoosingItShowsItsPanel() {
        browser.open("/");
        WebElement input = browser.driver.findElement(By.id("search-input"));

        input.sendKeys("beziers");
        List<WebElement> options = browser.waitForOptions();
        assertThat(options.get(0).getText()).contains("Béziers", "Commune");
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");

        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo(options.get(0).getDomAttribute("id"));
        assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
        input.sendKeys(Keys.ENTER);

        browser.waitForPanelTitle("Béziers");
        assertThat(browser.panelText()).contains("Commune", "34032", "CA de Béziers-Méditerranée", "Hérault", "Occitanie", "QPV");
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.driver.findElements(By.cssSelector("#map path.atlas-selection"))).hasSize(1);
        assertThat(browser.hash()).contains("territory=commune:34032");
    }

    @Test
    void clickingTheMapAtToulouseListsToulouseMetropole() {
        browser.open("/#map=12/43.6045/1.4442");

        // The hash centres the map on Toulouse: click beside the middle of the map, where the
        // fixture's actor (a marker, which opens the actor instead) is not.
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("map")), -60, 0).click().perform();

        browser.waitForPanelTitle("Ce point est dans :");
        assertThat(browser.driver.findElements(By.cssSelector("#panel li button")))
                .extracting(WebElement::getText).contains("Toulouse", "Toulouse Métropole", "Haute-Garonne");
        assertThat(browser.hash()).contains("point=43.604");

        // Each territory listed opens like a search result; Back returns to the point.
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='Toulouse Métropole']")).click();
        browser.waitForPanelTitle("Toulouse Métropole");
        assertThat(browser.panelText()).contains("Métropole", "Acteurs (");
        browser.driver.navigate().back();
        browser.waitForPanelTitle("Ce point est dans :");
    }

    @Test
    void actorsAreDotsOfTheirTypeAndClustersWithALegend() {
        browser.open("/#map=12/43.6045/1.4442");
        WebElement fabrique = browser.waitFor(".actor-dot[title='Tiers-lieu La Fabrique (Tiers-lieu)']");
        assertThat(browser.find(".records-legend").getText()).contains("Types d’acteurs", "Tiers-lieu",
                "Association");
        assertThat(browser.find(".records-legend").getDomProperty("open")).as("unfolded on a wide screen").isEqualTo("true");
        fabrique.click();
        browser.waitForPanelTitle("Tiers-lieu La Fabrique");
        assertThat(browser.panelText()).contains("Tiers-lieu", "Toulouse Métropole");
        browser.until("the legend folds while the card is open, clear of the map's middle",
                d -> "false".equals(browser.find(".records-legend").getDomProperty("open")));
        assertThat(browser.hash()).contains("actor=").as("a marker is not a point of the map").doesNotContain("point=");
        assertThat(browser.findAll("path.record-ring")).as("the open actor is ringed").hasSize(1);
        browser.find(".panel-close").click();
        browser.until("the legend unfolds again once the card is closed",
                d -> "true".equals(browser.find(".records-legend").getDomProperty("open")));
        // the reader's own choice stays: folded by hand, it stays folded
        browser.find(".records-legend summary").click();
        browser.waitFor(".actor-dot[title='Tiers-lieu La Fabrique (Tiers-lieu)']").click();
        browser.waitForPanelTitle("Tiers-lieu La Fabrique");
        browser.find(".panel-close").click();
        browser.until("the card closed", d -> !browser.find("#panel").isDisplayed());
        assertThat(browser.find(".records-legend").getDomProperty("open")).isEqualTo("false");

        // Zoomed out, the Toulouse actors gather in one cluster that counts them; a click zooms in.
        browser.open("/#map=7/43.6045/1.4442");
        WebElement cluster = browser.waitFor(".actor-cluster");
        assertThat(cluster.getText()).isEqualTo("2");
        cluster.click();
        browser.until("zoomed to 9", d -> browser.hash().startsWith("#map=9/"));
    }

    @Test
    void aPointAtSeaIsOutsideTheRegion() {
        browser.open("/#map=9/43.0/4.5&point=43.00000/4.50000");

        browser.waitForPanelTitle("Hors de la région");
    }

    @Test
    void theUrlHashReproducesTheScreen() {
        browser.open("/");
        browser.chooseFirstResult("beziers", "Béziers");
        browser.until("the hash", d -> browser.hash().matches("#map=\\d+/[-\\d.]+/[-\\d.]+&territory=commune:34032"));
        String link = browser.driver.getCurrentUrl();

        browser.driver.get("about:blank");
        browser.driver.get(link);

        browser.waitForPanelTitle("Béziers");
        assertThat(browser.driver.findElements(By.cssSelector("#map path.atlas-selection"))).hasSize(1);
        assertThat(browser.driver.getCurrentUrl()).as("same view, not refitted").isEqualTo(link);
    }

    @Test
    void theBackButtonReturnsToThePreviousSelection() {
        browser.open("/");
        browser.chooseFirstResult("beziers", "Béziers");
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("map"))).click().perform();
        browser.waitForPanelTitle("Ce point est dans :");

        browser.driver.navigate().back();
        browser.waitForPanelTitle("Béziers");
        browser.driver.navigate().back();
        browser.until("the panel closed", d -> !d.findElement(By.id("panel")).isDisplayed());
        browser.driver.navigate().forward();
        browser.waitForPanelTitle("Béziers");
    }

    @Test
    void onANarrowScreenThePanelIsABottomSheet() {
        browser.driver.manage().window().setSize(new Dimension(375, 800));
        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", "Toulouse Métropole");

        @SuppressWarnings("unchecked")
        Map<String, Number> layout = (Map<String, Number>) browser.script("""
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
        browser.open("/");
        browser.chooseFirstResult("montpelier", "Montpellier");
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='Hérault']")).click();
        browser.waitForPanelTitle("Hérault");

        // The filter must have something to filter, or it could be matching nothing at all.
        assertThat(browser.assertConsoleHasNoErrorsButFailedTiles()).as("failed tile loads seen").isPositive();
    }

}
