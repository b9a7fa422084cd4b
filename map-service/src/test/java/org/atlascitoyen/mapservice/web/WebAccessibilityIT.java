package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's accessibility requirements, on the demo data in a real browser ({@link Browser}):
 * axe-core's WCAG 2.1 A/AA rules ({@link Axe}) on every screen of the atlas, wide and on a 375 px
 * phone, then what axe cannot judge: the keyboard (Tab order, a visible focus on every stop, no
 * trap, markers that open with Enter, Escape), the document's language and title, labelled
 * fields, live regions. Each test leaves a screenshot in {@code target/screenshots/}.
 */
class WebAccessibilityIT extends DemoServiceIT {

    /** Toulouse Métropole: a territory with actors and initiatives of the demo data. */
    private static final String TOULOUSE_METROPOLE = "epci:243100518";

    @RegisterExtension
    static final Browser browser = new Browser();

    // ---- axe on each screen ----

    @Test
    void homePageWithTheFiltersOpen() {
        browser.open("/");
        waitForFilters();
        assertThat(browser.find("#filters").isDisplayed()).as("filters open on a wide screen").isTrue();

        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
        assertThat(browser.driver.getTitle()).startsWith("Atlas Citoyen").contains("Occitanie");
        assertEveryControlIsNamed();
        assertThat(browser.find("#count").getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.find("#count").getText()).as("the count, read out when it changes").contains("acteurs", "initiatives");
        assertThat(browser.find("#announcer").getDomAttribute("aria-live")).isEqualTo("polite");
        browser.until("the markers announced", d -> browser.find("#announcer").getDomProperty("textContent")
                .startsWith("Dans cette zone :"));
        assertThat(browser.find(".search-status").getDomAttribute("aria-live")).isEqualTo("polite");

        Axe.assertNoViolations(browser, "the home page, filters open");
    }

    @Test
    void aTerritoryWithItsLists() {
        browser.open("/");
        waitForFilters();
        recordAnnouncements();
        browser.chooseFirstResult("toulouse metropole", "Toulouse Métropole");
        waitForLists();
        browser.waitForMarkers();
        assertThat(announced()).as("what the live region said").contains("Toulouse Métropole, Intercommunalité (EPCI), affiché dans le panneau.");

        Axe.assertNoViolations(browser, "Toulouse Métropole and its lists");
    }

    @Test
    void anActorCard() {
        JsonNode actor = first("/api/actors?limit=1");
        browser.open("/#actor=" + actor.path("id").asString());
        browser.waitForPanelTitle(actor.path("properties").path("name").asString());
        waitForFilters();

        Axe.assertNoViolations(browser, "an actor's card");
    }

    @Test
    void anInitiativeCard() {
        JsonNode initiative = first("/api/initiatives?limit=1");
        browser.open("/#initiative=" + initiative.path("id").asString());
        browser.waitForPanelTitle(initiative.path("properties").path("name").asString());
        waitForFilters();

        Axe.assertNoViolations(browser, "an initiative's card");
    }

    @Test
    void coverageMode() {
        browser.open("/#mode=coverage&level=epci");
        browser.until("the coverage drawn", d -> "ready".equals(browser.find("#map").getDomAttribute("data-coverage")));
        waitForFilters();
        assertThat(browser.find(".coverage-legend").getText()).contains("Zone blanche");

        Axe.assertNoViolations(browser, "coverage mode by EPCI");
    }

    @Test
    void theShareDialog() {
        browser.open("/");
        waitForFilters();
        shareButton().click();
        browser.waitForVisible("#share[open]");

        Axe.assertNoViolations(browser, "the share dialog");
    }

    @Test
    void theEmbedPage() {
        browser.open("/embed?territory=" + TOULOUSE_METROPOLE);
        // A partner's frame draws its preset territory and names it in the caption, without the panel.
        browser.until("the caption names the territory", d -> browser.find(".embed-caption").getText().contains("Toulouse Métropole"));
        browser.waitFor(".full-map-link");
        browser.waitForMarkers();

        Axe.assertNoViolations(browser, "the embed page");
    }

    @Test
    void onAPhoneWithTheFiltersOpen() {
        onAPhone();
        browser.open("/");
        waitForFilters();
        assertThat(browser.find("#filters").isDisplayed()).as("folded on a phone").isFalse();
        browser.find("#filters-toggle").click();
        assertThat(browser.find("#filters").isDisplayed()).isTrue();
        assertNoHorizontalScrolling();

        Axe.assertNoViolations(browser, "a 375 px phone, filters open");
    }

    @Test
    void onAPhoneACardInTheBottomSheet() {
        onAPhone();
        JsonNode actor = first("/api/actors?territory=" + TOULOUSE_METROPOLE + "&limit=1");
        browser.open("/#actor=" + actor.path("id").asString());
        browser.waitForPanelTitle(actor.path("properties").path("name").asString());
        waitForFilters();
        assertNoHorizontalScrolling();

        Axe.assertNoViolations(browser, "a 375 px phone, a card in the bottom sheet");
    }

    // ---- the keyboard ----

    /**
     * From the top of the page, Tab visits the skip link, the search, the filters' toggle, the
     * filters, the links to contribute, the panel, then the map, its markers and its controls (the
     * account link among them), and comes back to the top:
     * nothing traps the focus, nothing loses it, and every stop shows where the focus is.
     */
    @Test
    void tabGoesThroughEverythingInOrderWithAVisibleFocus() {
        JsonNode actor = first("/api/actors?territory=" + TOULOUSE_METROPOLE + "&limit=1");
        String name = actor.path("properties").path("name").asString();
        browser.open("/#map=12/43.6045/1.4442&actor=" + actor.path("id").asString());
        browser.waitForPanelTitle(name);
        waitForFilters();
        browser.waitForMarkers();

        List<Stop> stops = tabAround(600);

        List<String> zones = new ArrayList<>();
        for (Stop stop : stops) {
            if (zones.isEmpty() || !zones.get(zones.size() - 1).equals(stop.zone)) {
                zones.add(stop.zone);
            }
        }
        assertThat(zones).as("the order of the Tab stops, by part of the page:\n%s", describe(stops))
                .containsExactly("skip", "search", "toggle", "filters", "contribute", "panel", "map", "markers", "controls");
        assertThat(stops).as("record markers among the Tab stops")
                .anyMatch(s -> s.name.contains("actor-dot") || s.name.contains("initiative-dot"));
        List<String> invisible = stops.stream().filter(s -> !s.focusVisible).map(s -> s.name).toList();
        assertThat(invisible).as("Tab stops without a visible focus indicator").isEmpty();
    }

    /** The skip link, first on the page, shows when focused and takes the focus to the map, the state kept. */
    @Test
    void theSkipLinkGoesToTheMap() {
        browser.open("/#territory=" + TOULOUSE_METROPOLE);
        browser.waitForPanelTitle("Toulouse Métropole");
        waitForFilters();
        String hash = browser.hash();

        tab();
        WebElement skip = browser.driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Aller à la carte");
        assertThat(((Number) browser.script("return arguments[0].getBoundingClientRect().top", skip)).doubleValue())
                .as("on screen when focused").isGreaterThanOrEqualTo(0);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("map");
        assertThat(browser.hash()).as("the state stays in the hash").isEqualTo(hash);
    }

    /** A cluster is a button too: Enter zooms into it, and the focus stays in the map. */
    @Test
    void enterOnAClusterZoomsIn() {
        browser.open("/#map=9/43.6045/1.4442");
        waitForFilters();
        browser.waitForMarkers();
        browser.script("document.getElementById('map').focus()");
        boolean cluster = false;
        for (int i = 0; i < 100 && !cluster; i++) {
            tab();
            cluster = (Boolean) browser.script("return document.activeElement.matches('.actor-cluster, .initiative-cluster')");
        }
        assertThat(cluster).as("a cluster reached with Tab from the map").isTrue();

        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.until("zoomed to 11", d -> browser.hash().startsWith("#map=11/"));
        browser.waitForMarkers();
        assertThat(browser.script("return document.getElementById('map').contains(document.activeElement)"))
                .as("the focus kept in the map after the redraw").isEqualTo(true);
    }

    /** Markers are redrawn after every move of the map: the focused one keeps the focus. */
    @Test
    void aRedrawKeepsTheFocusOnItsMarker() {
        browser.open("/#map=13/43.6045/1.4442");
        waitForFilters();
        browser.waitForMarkers();
        browser.script("document.getElementById('map').focus()");
        String marker = null;
        for (int i = 0; i < 100 && marker == null; i++) {
            tab();
            marker = (String) browser.script("window.__focused = document.activeElement;"
                    + " return window.__focused.matches('.actor-dot') ? window.__focused.dataset.marker : null");
        }
        assertThat(marker).as("an actor's marker reached with Tab").isNotNull();

        browser.driver.manage().window().setSize(new Dimension(1200, 800)); // a moveend, hence a redraw
        browser.until("the markers redrawn", d -> Boolean.TRUE.equals(browser.script("return !window.__focused.isConnected")));
        browser.waitForMarkers();
        assertThat(browser.script("return document.activeElement.dataset.marker")).as("the same record's new marker")
                .isEqualTo(marker);
    }

    /** A marker reached with Tab opens its card with Enter; Escape closes it and goes back to the marker. */
    @Test
    void enterOnAMarkerOpensItsCardAndEscapeClosesIt() {
        browser.open("/#map=13/43.6045/1.4442");
        waitForFilters();
        browser.waitForMarkers();
        browser.script("document.getElementById('map').focus()");

        String marker = null;
        for (int i = 0; i < 200 && marker == null; i++) {
            tab();
            marker = (String) browser.script("const el = document.activeElement;"
                    + " return el.matches('.actor-dot, .initiative-dot') ? el.title : null");
        }
        assertThat(marker).as("a record marker reached with Tab from the map").isNotNull();
        String name = marker.replaceFirst(" \\([^)]*\\)$", ""); // "Name (Type)"

        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.waitForPanelTitle(name);
        assertThat(browser.script("return document.activeElement.id")).as("the focus moves to the card")
                .isEqualTo("panel-title");

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until("the panel closed", d -> !browser.find("#panel").isDisplayed());
        assertThat(browser.script("return document.activeElement.title")).as("the focus goes back to the marker")
                .isEqualTo(marker);
    }

    /** Escape closes a card (back to its territory's lists), then the territory. */
    @Test
    void escapeClosesThePanel() {
        JsonNode actor = first("/api/actors?territory=" + TOULOUSE_METROPOLE + "&limit=1");
        String name = actor.path("properties").path("name").asString();
        browser.open("/#territory=" + TOULOUSE_METROPOLE + "&actor=" + actor.path("id").asString());
        browser.waitForPanelTitle(name);
        waitForFilters();

        browser.find("#panel .panel-close").sendKeys(Keys.ESCAPE);
        browser.waitForPanelTitle("Toulouse Métropole");
        assertThat(browser.script("return document.activeElement.id")).as("the focus stays in the panel")
                .isEqualTo("panel-title");

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until("the panel closed", d -> !browser.find("#panel").isDisplayed());
        assertThat(browser.script("return document.activeElement.id")).as("the focus goes back to the search")
                .isEqualTo("search-input");
    }

    /** The share dialog keeps the focus while open, Escape closes it and the focus returns to its button. */
    @Test
    void escapeClosesTheShareDialog() {
        browser.open("/");
        waitForFilters();
        WebElement share = shareButton();
        share.sendKeys(Keys.ENTER);
        browser.waitForVisible("#share[open]");
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("share-link");
        for (int i = 0; i < 6; i++) {
            tab();
            assertThat(browser.script("const el = document.activeElement;"
                    + " return el === document.body || el.closest('#share') !== null"))
                    .as("Tab stays in the modal dialog").isEqualTo(true);
        }

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until("the dialog closed", d -> browser.find("#share").getDomAttribute("open") == null);
        assertThat(browser.driver.switchTo().activeElement()).as("the focus back on its button").isEqualTo(share);
    }

    // ---- helpers ----

    /** One Tab stop: its part of the page, a description, and whether its focus showed. */
    private record Stop(String zone, String name, boolean focusVisible) {
    }

    /**
     * Presses Tab from the top of the page until the focus comes back to the search box (or
     * `max` times), and returns the stops. An element's look focused is compared with its look
     * just after the focus left it: some outline, shadow, background or frame must change.
     */
    @SuppressWarnings("unchecked")
    private List<Stop> tabAround(int max) {
        String first = null;
        browser.script("document.activeElement?.blur(); window.scrollTo(0, 0); delete window.__a11yPrevious;");
        List<Stop> stops = new ArrayList<>();
        Map<String, Object> previous = null;
        for (int i = 0; i < max; i++) {
            tab();
            Map<String, Object> now = (Map<String, Object>) browser.script(TAB_STOP);
            if (previous != null) {
                Object unfocused = now.get("previousUnfocused");
                if (unfocused == null) {
                    fail("the focus was lost: " + previous.get("name") + " left the page, not replaced, after:\n"
                            + describe(stops));
                }
                stops.add(new Stop((String) previous.get("zone"), (String) previous.get("name"),
                        !Objects.equals(previous.get("focused"), unfocused)));
            }
            if (first == null) {
                first = (String) now.get("zone");
            } else if (first.equals(now.get("zone")) && !stops.isEmpty()) {
                return stops;
            }
            if ("body".equals(now.get("zone")) && stops.stream().noneMatch(s -> s.zone.equals("controls"))) {
                fail("the focus fell back to the page after:\n" + describe(stops));
            }
            previous = "body".equals(now.get("zone")) ? null : now; // past the end, before the top again
        }
        fail("the focus never came back to the top after " + max + " Tab presses (a trap?):\n" + describe(stops));
        return stops;
    }

    /** What tabAround reads at each stop (the focused element, and the previous one unfocused). */
    private static final String TAB_STOP = """
            const look = (el) => {
              if (!el || !el.isConnected) return null;
              const s = getComputedStyle(el);
              const after = getComputedStyle(el, '::after');
              return [s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                s.boxShadow, s.backgroundColor, `${s.borderTopColor} ${s.borderTopWidth}`,
                after.content === 'none' ? 'none' : `${after.borderTopStyle} ${after.borderTopWidth} ${after.borderTopColor}`].join(' | ');
            };
            const zoneOf = (el) => {
              if (!el || el === document.body || el === document.documentElement) return 'body';
              if (el.matches('.skip-link')) return 'skip';
              if (el.id === 'search-input') return 'search';
              if (el.id === 'filters-toggle') return 'toggle';
              if (el.closest('#filters')) return 'filters';
              if (el.closest('#site-nav')) return 'contribute';
              if (el.closest('#panel')) return 'panel';
              if (el.id === 'map') return 'map';
              if (el.closest('#map .leaflet-map-pane')) return 'markers';
              if (el.closest('#map .leaflet-control-container')) return 'controls';
              return 'elsewhere';
            };
            const el = document.activeElement;
            const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}`
              + ` "${(el.getAttribute('aria-label') || el.title || el.textContent || el.value || '').trim().slice(0, 40)}"`;
            // A marker redrawn since (the map panned to it) is compared through its replacement.
            let previous = window.__a11yPrevious;
            if (previous && !previous.isConnected && previous.dataset.marker) {
              previous = document.querySelector(`[data-marker="${CSS.escape(previous.dataset.marker)}"]`);
            }
            window.__a11yPrevious = el;
            return { zone: zoneOf(el), name, focused: look(el), previousUnfocused: previous === el ? 'same' : look(previous) };""";

    private static String describe(List<Stop> stops) {
        StringBuilder out = new StringBuilder();
        for (Stop s : stops) {
            out.append("  ").append(s.zone).append("  ").append(s.name).append(s.focusVisible ? "" : "  [no visible focus]")
                    .append('\n');
        }
        return out.toString();
    }

    /** From now on, every text the page's announcer (#announcer, a polite live region) says. */
    private void recordAnnouncements() {
        browser.script("""
                window.__announced = [];
                new MutationObserver(() => window.__announced.push(document.getElementById('announcer').textContent))
                  .observe(document.getElementById('announcer'), { childList: true, characterData: true, subtree: true });""");
    }

    @SuppressWarnings("unchecked")
    private List<String> announced() {
        return (List<String>) browser.script("return window.__announced");
    }

    private void tab() {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }

    /** Every visible field, button and link has an accessible name (its label, text or aria-label). */
    private void assertEveryControlIsNamed() {
        List<String> unnamed = new ArrayList<>();
        for (WebElement el : browser.findAll("input, select, textarea, button, a[href], [role=button], [tabindex='0']")) {
            if (el.isDisplayed() && el.getAccessibleName().isBlank()) {
                unnamed.add(el.getTagName() + " " + el.getDomAttribute("id") + " " + el.getDomAttribute("class"));
            }
        }
        assertThat(unnamed).as("controls without an accessible name").isEmpty();
    }

    private void assertNoHorizontalScrolling() {
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("page width on a 375 px screen").isLessThanOrEqualTo(375);
    }

    private void onAPhone() {
        browser.driver.manage().window().setSize(new Dimension(375, 812));
    }

    /** The filter panel built (it waits for the vocabularies) and its count shown. */
    private void waitForFilters() {
        browser.until("the filters and their count", d -> {
            String count = browser.find("#count").getDomProperty("textContent");
            return browser.findAll("#filters input").size() > 0 && count.contains("acteur") && !count.contains("Comptage");
        });
    }

    /** The lists of the panel loaded (their headings carry the counts). */
    private void waitForLists() {
        browser.until("the lists loaded", d -> {
            List<WebElement> groups = browser.findAll("#panel .result-group");
            return !groups.isEmpty() && groups.stream().allMatch(g -> g.findElement(By.tagName("h3")).getText().contains("(")
                    && !g.getText().contains("Chargement"));
        });
    }

    private WebElement shareButton() {
        return browser.driver.findElement(By.xpath("//*[@id='filters']//button[text()='Partager ou intégrer']"));
    }

    private JsonNode first(String pathAndQuery) {
        JsonNode features = json(get(pathAndQuery)).path("features");
        assertThat(features.isEmpty()).as(pathAndQuery + " has records").isFalse();
        return features.get(0);
    }
}
