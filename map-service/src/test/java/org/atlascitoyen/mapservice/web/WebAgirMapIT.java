package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.mapservice.web.AgirFixtures.HOSTILE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Needs and offers, events and experiences on the map in headless Chromium ({@link AgirFixtures}
 * written in SQL): their own markers per layer, legend and count, the "Afficher" boxes, their
 * category filters and the events' dates (the URL follows), a cancelled event greyed and struck,
 * the events' list by date, each card's fields with a name holding markup shown as text, a
 * territory's "Suivre", and the embed page. What needs the endpoints of issue 15's other parts
 * (matches, comparable experiences, calendars) is in {@link WebAgirIT}.
 */
class WebAgirMapIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    /** Screenshots to look at, beside the tests' own. */
    private static final Path SHOTS = Path.of(System.getProperty("atlas.shots", "target/screenshots/agir"));
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    /** The région and its neighbours' edges: every fixture in view. */
    private static final String REGION = "#map=8/43.95/2.1";
    private static AgirFixtures.Ids ids;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
    }

    @BeforeAll
    static void fixtures() throws Exception {
        ids = AgirFixtures.insert(DATABASE);
    }

    @Test
    void eachNewLayerHasItsMarkersLegendAndCount() throws Exception {
        browser.open("/" + REGION);

        Map<String, Long> drawn = drawn();
        assertThat(drawn).containsEntry("need_offer", 2L).containsEntry("experience", 2L)
                .as("upcoming events only: from today").containsEntry("event", 3L).containsEntry("actor", 1L);
        assertThat(param(lastRequest("events"), "from")).isEqualTo(TODAY);
        browser.until("the count", d -> countText().equals(
                "1 acteur · 0 initiative · 0 personne · 2 annonces · 3 événements · 2 expériences"));
        assertThat(browser.find(".records-legend").getText()).contains("Besoins et offres", "Agenda", "Retours d’expérience",
                "Besoin", "Offre", "Atelier", "Annulé", "Réussi", "Échec");

        // Need and offer apart by shape as well as colour; the cancelled event greyed and struck.
        assertThat(browser.findAll("#map .need_offer-dot.nature-need")).hasSize(1);
        assertThat(browser.findAll("#map .need_offer-dot.nature-offer")).hasSize(1);
        WebElement cancelled = browser.find("#map .event-dot.cancelled");
        assertThat(cancelled.getDomAttribute("title")).isEqualTo("Forum des associations (Événement, festival ou fête, annulé)");
        assertThat(browser.findAll("#map .event-dot:not(.cancelled)")).extracting(e -> e.getDomAttribute("title"))
                .allSatisfy(title -> assertThat(title).doesNotContain("annulé"));
        // A failure drawn as plainly as a success: same shape, same size.
        WebElement failure = markerTitled(".experience-dot", HOSTILE + " Épicerie solidaire (Retour d’expérience, échec)");
        WebElement success = markerTitled(".experience-dot", "Budget participatif des quartiers (Retour d’expérience, réussi)");
        assertThat(failure.getSize()).isEqualTo(success.getSize());
        String wider = (String) browser.script("""
                const filters = document.getElementById('filters');
                const right = filters.getBoundingClientRect().left + filters.clientWidth;
                return [...filters.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 1)
                  .map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');""");
        assertThat(wider).as("nothing wider than the filter panel").isEmpty();
        shot("map-new-layers");
        Axe.assertNoViolations(browser, "the map with the new layers and the filters open");
    }

    @Test
    void afficherCategoriesAndDatesChangeWhatIsDrawnAndTheUrl() {
        browser.open("/" + REGION);
        drawn();

        // "Afficher": the events off.
        browser.find("#filter-show-events").click();
        browser.until("show in the hash", d -> browser.hash().contains("show=actors,initiatives,persons,needs-offers,experiences"));
        assertThat(drawn()).containsEntry("event", 0L).containsEntry("need_offer", 2L);
        assertThat(browser.findAll(".records-legend [data-collection=events]")).allSatisfy(s -> assertThat(s.isDisplayed()).isFalse());
        browser.find("#filter-show-events").click();
        browser.until("show out of the hash", d -> !browser.hash().contains("show="));

        // A category per layer, each narrowing its own layer only.
        browser.find("#filter-nature-need").click();
        browser.until("nature in the hash", d -> browser.hash().contains("nature=need"));
        assertThat(drawn()).containsEntry("need_offer", 1L).containsEntry("event", 3L);
        assertThat(param(lastRequest("needs-offers"), "nature")).isEqualTo("need");
        assertThat(lastRequest("events")).doesNotContain("nature=");
        browser.find("#filter-eventType-atelier").click();
        browser.until("eventType in the hash", d -> browser.hash().contains("eventType=atelier"));
        assertThat(drawn()).containsEntry("event", 1L);
        browser.find("#filter-outcome-echec").click();
        browser.until("outcome in the hash", d -> browser.hash().contains("outcome=echec"));
        assertThat(drawn()).containsEntry("experience", 1L).containsEntry("need_offer", 1L).containsEntry("event", 1L);
        assertThat(browser.find("#filters-toggle .badge").getText()).isEqualTo("3");
        browser.find("#filter-eventType-atelier").click();
        browser.until("eventType out of the hash", d -> !browser.hash().contains("eventType="));

        // Dates: from today by default; emptied, the past event comes back; an end date narrows.
        assertThat(browser.find("#filter-from").getDomProperty("value")).isEqualTo(TODAY);
        setDate("#filter-from", "");
        browser.until("from= in the hash", d -> browser.hash().contains("from=&") || browser.hash().endsWith("from="));
        assertThat(drawn()).containsEntry("event", 4L);
        assertThat(param(lastRequest("events"), "from")).isNull();
        String inFourDays = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(4).toString();
        setDate("#filter-to", inFourDays);
        browser.until("to in the hash", d -> browser.hash().contains("to=" + inFourDays));
        assertThat(drawn()).as("the past event and the repair café").containsEntry("event", 2L);
        assertThat(param(lastRequest("events"), "to")).isEqualTo(inFourDays);
        assertThat(browser.find("a[data-export='events.ics']").getDomAttribute("href"))
                .startsWith("api/events.ics?").contains("to=" + inFourDays).doesNotContain("outcome=");

        // The link brings it all back.
        String url = browser.driver.getCurrentUrl();
        browser.open(url.substring(url.indexOf('/', "http://".length())));
        assertThat(drawn()).containsEntry("event", 2L).containsEntry("experience", 1L).containsEntry("need_offer", 1L);
        assertThat(browser.find("#filter-from").getDomProperty("value")).isEmpty();
        assertThat(browser.find("#filter-to").getDomProperty("value")).isEqualTo(inFourDays);
        assertThat(browser.find("#filter-nature-need").isSelected()).isTrue();
    }

    @Test
    void theNeedCardShowsItsFieldsAsTextAndItsAnswers() throws Exception {
        browser.open("/#need_offer=" + ids.need());
        browser.waitForPanelTitle(HOSTILE + " Besoin de bénévoles");
        WebElement panel = browser.find("#panel");
        assertThat(panel.findElements(By.tagName("img"))).as("the name is text").isEmpty();
        assertThat(browser.find("#panel .kind").getText()).isEqualTo("Besoin · Bénévoles");
        assertThat(browser.panelText()).contains("Compétences recherchées", "Animation", "Logistique", "Solidarités",
                "Pour la fête de quartier", "Jusqu’au ", "Demandé par", "Périmètre couvert", "Toulouse Métropole");
        assertThat(browser.find("#panel a.button.primary").getDomAttribute("href")).isEqualTo("contacter.html?need_offer=" + ids.need());
        assertThat(browser.find("#panel a.button.primary").getText()).startsWith("Répondre");
        assertThat(browser.find("#matches").getText()).isEqualTo("Qui pourrait répondre ?");
        shot("card-need");
        Axe.assertNoViolations(browser, "a need's card");

        // Its author's card, then back to a territory of its perimeter.
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='Café associatif du Faubourg']")).click();
        browser.waitForPanelTitle("Café associatif du Faubourg");
        browser.driver.navigate().back();
        browser.waitForPanelTitle(HOSTILE + " Besoin de bénévoles");
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='Toulouse Métropole']")).click();
        browser.waitForPanelTitle("Toulouse Métropole");
        // Found by the territory it covers, as resource persons are.
        browser.until("the need in the EPCI's list", d -> browser.findAll(
                "#panel .result-group[data-collection=needs-offers] li[data-id='" + ids.need() + "']").size() == 1);
        assertThat(browser.find("#panel .result-group[data-collection=needs-offers] li .result-details").getText())
                .isEqualTo("Besoin : bénévoles · Toulouse");
        WebElement follow = browser.find("#panel .follow-links a.button");
        assertThat(follow.getText()).isEqualTo("Suivre ce territoire");
        assertThat(follow.getDomAttribute("href")).isEqualTo("suivre.html?territory=epci:" + AgirFixtures.TOULOUSE_METROPOLE);
        assertThat(browser.find("#panel .follow-links a[type='application/atom+xml']").getDomAttribute("href"))
                .isEqualTo("api/territories/epci/" + AgirFixtures.TOULOUSE_METROPOLE + "/feed.atom");
    }

    @Test
    void eventCardsSayTheirDatesInParisTheirPlaceOrLinkAndACancellation() throws Exception {
        browser.open("/#event=" + ids.event());
        browser.waitForPanelTitle(HOSTILE + " Repair café");
        assertThat(browser.find("#panel").findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.find("#panel .kind").getText()).isEqualTo("Événement · Atelier");
        assertThat(browser.find("#panel .event-when").getText()).endsWith(", de 18 h 30 à 21 h");
        assertThat(browser.panelText()).contains("Salle des fêtes", "Organisé par", "Café associatif du Faubourg",
                "Participation citoyenne", "Venez nombreux.");
        assertThat(browser.find("#panel a[data-calendar=event]").getDomAttribute("href")).isEqualTo("api/events/" + ids.event() + ".ics");
        assertThat(browser.find("#panel a[data-calendar=event]").getText()).isEqualTo("Ajouter à mon agenda");
        assertThat(browser.find("#panel a[data-calendar=feed]").getDomAttribute("href")).isEqualTo("api/events.ics");
        assertThat(browser.findAll("#panel .cancelled-label")).isEmpty();
        shot("card-event");
        Axe.assertNoViolations(browser, "an event's card");

        browser.open("/#event=" + ids.cancelledEvent() + "&eventType=festival&territory=commune:" + AgirFixtures.ALBI);
        browser.waitForPanelTitle("Forum des associations");
        assertThat(browser.find("#panel .cancelled-label").getDomProperty("textContent")).isEqualTo("Annulé");
        assertThat(browser.find("#panel .event-when").getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(browser.findAll("#panel a[data-calendar=event]")).as("nothing to add").isEmpty();
        assertThat(params(browser.find("#panel a[data-calendar=feed]").getDomAttribute("href")))
                .as("the feed of the map's selection, from today on: no fixed start")
                .isEqualTo(Map.of("territory", "commune:" + AgirFixtures.ALBI, "eventType", "festival"));
        shot("card-event-cancelled");

        browser.open("/#event=" + ids.onlineEvent());
        browser.waitForPanelTitle("Webinaire participation");
        assertThat(browser.find("#panel .event-when").getText()).endsWith(", toute la journée");
        WebElement online = browser.driver.findElement(By.linkText("Rejoindre en ligne"));
        assertThat(online.getDomAttribute("href")).isEqualTo("https://visio.example.org/salle");
        assertThat(online.getDomAttribute("rel")).contains("noopener");

        // The list of a commune's events, by date, in Paris time.
        browser.open("/#territory=commune:" + AgirFixtures.RODEZ + "&from=");
        browser.until("the events of Rodez", d -> browser.findAll("#panel .result-group[data-collection=events] li").size() == 1);
        assertThat(browser.find("#panel .result-group[data-collection=events] li .result-details").getText())
                .matches("[a-zéû]+\\. \\d{1,2} [a-zéû]+\\.?, 18 h 30 · Rodez");
    }

    @Test
    void anExperienceCardTellsAFailureAsPlainlyAsASuccess() throws Exception {
        browser.open("/#experience=" + ids.failure());
        browser.waitForPanelTitle(HOSTILE + " Épicerie solidaire");
        assertThat(browser.find("#panel").findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.find("#panel .kind").getText()).isEqualTo("Retour d’expérience · Issue : Échec");
        assertThat(browser.findAll("#panel h3")).extracting(WebElement::getText).contains("Ce qui a été tenté", "Ce qui s’est passé",
                "Ce que nous ferions autrement", "Pour en savoir plus", "Expériences comparables");
        assertThat(browser.panelText()).contains("Ouvrir un lieu de vente", "les bénévoles se sont épuisés", "marché mensuel",
                "Public touché", "Familles du quartier", "Café associatif du Faubourg (Un collectif d'habitants)",
                "Du 1 mars 2024 au 30 juin 2025");
        List<WebElement> evidence = browser.findAll("#panel ul.evidence li");
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("https://example.org/retex");
        assertThat(evidence.get(1).findElements(By.tagName("a"))).as("a javascript: URL stays text").isEmpty();
        assertThat(evidence.get(1).getText()).isEqualTo("javascript:alert(1)");
        shot("card-experience-failure");
        Axe.assertNoViolations(browser, "an experience's card");

        browser.open("/#experience=" + ids.success());
        browser.waitForPanelTitle("Budget participatif des quartiers");
        assertThat(browser.find("#panel .kind").getText()).isEqualTo("Retour d’expérience · Issue : Réussi");
        assertThat(browser.find("#panel .outcome").getCssValue("color"))
                .as("no colour judges the outcome").isEqualTo(browser.find("#panel .kind").getCssValue("color"));
    }

    @Test
    void theEmbedPageShowsTheNewLayers() throws Exception {
        browser.open("/embed?show=events,experiences&outcome=echec&map=8/43.95/2.1");
        Map<String, Long> drawn = drawn();
        assertThat(browser.find("#sidebar").isDisplayed()).isFalse();
        assertThat(drawn).containsEntry("event", 3L).containsEntry("experience", 1L).containsEntry("need_offer", 0L)
                .containsEntry("actor", 0L);
        browser.until("the caption in words", d -> browser.find(".embed-caption").getText().equals("Sélection : Échec"));
        WebElement star = browser.find("#map .event-dot.cancelled");
        star.click();
        browser.waitForPanelTitle("Forum des associations");
        assertThat(browser.find("#panel .cancelled-label").isDisplayed()).isTrue();
        shot("embed-new-layers");
    }

    // ---- What the page shows ----

    /** Records drawn per kind (single markers plus clusters' counts), once the markers are ready. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> drawn() {
        Map<String, Object> counts = browser.until("the markers drawn", d -> (Map<String, Object>) browser.script("""
                if (document.getElementById('map').dataset.markers !== 'ready') return null;
                const kinds = ['actor', 'initiative', 'person', 'need_offer', 'event', 'experience'];
                return Object.fromEntries(kinds.map((k) => [k, document.querySelectorAll('#map .' + k + '-dot').length
                  + [...document.querySelectorAll('#map .' + k + '-cluster')].reduce((n, e) => n + Number(e.textContent), 0)]));"""));
        return counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> ((Number) e.getValue()).longValue()));
    }

    private String lastRequest(String collection) {
        return (String) browser.script("""
                return performance.getEntriesByType('resource').map((e) => new URL(e.name))
                  .filter((u) => u.pathname === '/api/' + arguments[0] + '/clusters').map((u) => u.pathname + u.search).at(-1) ?? null;""",
                collection);
    }

    private WebElement markerTitled(String css, String title) {
        return browser.findAll("#map " + css).stream().filter(e -> title.equals(e.getDomAttribute("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no marker " + title));
    }

    /** Sets a date input as a person picking a day (or emptying it) does: its value, then a change event. */
    private void setDate(String css, String value) {
        browser.script("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    private String countText() {
        return browser.find("#count").getText().replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String param(String url, String name) {
        return params(url).get(name);
    }

    private static Map<String, String> params(String url) {
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : url;
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : query.replaceFirst("^#", "").split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** A screenshot of this class's page to look at, under {@link #SHOTS}. */
    static void shot(String name) throws java.io.IOException {
        shot(browser, name);
    }

    /** A screenshot of a test class's page (each class has its own browser), under {@link #SHOTS}. */
    static void shot(Browser of, String name) throws java.io.IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), of.driver.getScreenshotAs(OutputType.BYTES));
    }
}
