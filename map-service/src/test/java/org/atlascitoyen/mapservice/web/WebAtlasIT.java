package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The atlas in a real browser ({@link Browser}) on the demo data (about 500 actors and 262
 * initiatives in Occitanie, see {@link DemoServiceIT}): what a visitor does — filters, a territory and its lists,
 * cards, coverage, exports, "autour de", links, the embed page, a phone, the keyboard — each
 * outcome checked against the API's own answer to the same question, asked by the test.
 *
 * <p>Each test leaves {@code target/screenshots/<test>.png} and fails on console errors other
 * than the OpenStreetMap tiles, which cannot load here.
 */
class WebAtlasIT extends DemoServiceIT {

    private static final String TOULOUSE_METROPOLE = "Toulouse Métropole";
    /** The "Afficher" boxes, all ticked by default. */
    private static final String[] ALL_LAYERS = {"filter-show-actors", "filter-show-initiatives", "filter-show-persons",
        "filter-show-needs-offers", "filter-show-events", "filter-show-experiences"};
    /** The layers of issue 15, drawn as the others: [collection, marker class prefix]. */
    private static final List<List<String>> AGIR_LAYERS = List.of(List.of("needs-offers", "need_offer"), List.of("events", "event"),
            List.of("experiences", "experience"));
    /** The demo directory, whose e-mails must never reach a page (map-service/ is the tests' working directory). */
    private static final Path DEMO_ACTORS_CSV = Path.of("..", "data", "demo", "acteurs-reseau.csv");

    @RegisterExtension
    static final Browser browser = new Browser();

    // ---- 1. The map ----

    @Test
    void theMapDrawsTheRecordsTheApiHasWithTheirCountAndLegend() {
        browser.open("/");

        assertThat(browser.waitForBase().getDomAttribute("data-base")).isEqualTo("ready");
        waitForCount(matched("actors", ""), matched("initiatives", ""));
        Drawn drawn = drawnMarkers();
        assertThat(browser.find("#map").getDomAttribute("data-markers")).isEqualTo("ready");
        assertDrawnAsTheApiAnswers(drawn);
        // The whole région is in view: the markers hold every record of the box the page asked for.
        String bbox = param(drawn.actorsRequest(), "bbox");
        assertThat(drawn.actors()).isEqualTo(matched("actors", "bbox=" + bbox)).isPositive();
        assertThat(drawn.initiatives()).isEqualTo(matched("initiatives", "bbox=" + bbox)).isPositive();

        WebElement legend = browser.find(".records-legend");
        assertThat(legend.getText()).contains("Types d’acteurs", "Initiatives", "Personnes ressources", "Besoins et offres",
                "Agenda", "Retours d’expérience");
        JsonNode vocab = api("/api/vocabularies");
        List<WebElement> sections = legend.findElements(By.cssSelector("ul"));
        assertThat(sections).as("a section per layer").hasSize(6);
        assertThat(sections.get(0).findElements(By.tagName("li"))).as("one entry per actor type")
                .hasSize(vocab.path("actorTypes").size());
        assertThat(sections.get(1).findElements(By.tagName("li"))).as("one entry per initiative status")
                .hasSize(vocab.path("initiativeStatuses").size());
        assertThat(sections.get(2).findElements(By.tagName("li"))).as("one entry per person role")
                .hasSize(vocab.path("personRoles").size());
        assertThat(sections.get(3).findElements(By.tagName("li"))).as("need, offer").hasSize(vocab.path("needOfferNatures").size());
        assertThat(sections.get(4).findElements(By.tagName("li"))).as("one entry per event type, and cancelled")
                .hasSize(vocab.path("eventTypes").size() + 1);
        assertThat(sections.get(5).findElements(By.tagName("li"))).as("one entry per outcome")
                .hasSize(vocab.path("experienceOutcomes").size());

        // Unticked, a layer leaves the legend.
        browser.find("#filter-show-events").click();
        browser.until("the events' section hidden", d -> !sections.get(4).isDisplayed());
        assertThat(sections.get(3).isDisplayed()).isTrue();
    }

    // ---- 2. A theme ----

    @Test
    void aThemeFiltersTheCountAndTheMarkersAndBackRemovesIt() {
        String theme = someTheme();
        long allActors = matched("actors", "");
        long allInitiatives = matched("initiatives", "");
        browser.open("/");
        waitForCount(allActors, allInitiatives);
        Drawn before = drawnMarkers();

        browser.find("#filter-theme-" + theme).click();

        browser.until("theme in the hash", d -> browser.hash().contains("theme=" + theme));
        waitForCount(matched("actors", "theme=" + theme), matched("initiatives", "theme=" + theme));
        Drawn after = drawnMarkers();
        assertThat(param(after.actorsRequest(), "theme")).isEqualTo(theme);
        assertThat(param(after.initiativesRequest(), "theme")).isEqualTo(theme);
        assertDrawnAsTheApiAnswers(after);
        assertThat(after.actors()).as("fewer actors drawn").isLessThan(before.actors());
        assertThat(browser.find("#filters-toggle .badge").getText()).isEqualTo("1");

        browser.driver.navigate().back();

        browser.until("theme out of the hash", d -> !browser.hash().contains("theme="));
        waitForCount(allActors, allInitiatives);
        assertThat(browser.find("#filter-theme-" + theme).isSelected()).isFalse();
        Drawn again = drawnMarkers();
        assertThat(again.actorsRequest()).doesNotContain("theme=");
        assertThat(again.actors()).isEqualTo(before.actors());
        assertThat(again.initiatives()).isEqualTo(before.initiatives());
    }

    // ---- 3. Free text and actor type ----

    @Test
    void freeTextAndActorTypeFilterAsTheApiDoes() {
        browser.open("/");
        waitForCount(matched("actors", ""), matched("initiatives", ""));
        WebElement text = browser.find("#filter-q");

        // Typing applies after a pause.
        text.sendKeys("jardin");
        browser.until("q in the hash", d -> browser.hash().contains("q=jardin"));
        long actors = matched("actors", "q=jardin");
        long initiatives = matched("initiatives", "q=jardin");
        assertThat(actors + initiatives).as("the demo has gardens").isPositive();
        waitForCount(actors, initiatives);
        Drawn drawn = drawnMarkers();
        assertThat(param(drawn.actorsRequest(), "q")).isEqualTo("jardin");
        assertDrawnAsTheApiAnswers(drawn);

        // Enter applies at once; two words.
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), "budget participatif", Keys.ENTER);
        browser.until("q in the hash", d -> browser.hash().contains("q=budget%20participatif"));
        waitForCount(matched("actors", "q=budget%20participatif"), matched("initiatives", "q=budget%20participatif"));

        // Emptied: everything again.
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
        browser.until("q out of the hash", d -> !browser.hash().contains("q="));
        waitForCount(matched("actors", ""), matched("initiatives", ""));

        // A type narrows the actors only: initiatives have no type.
        String type = someActorType();
        browser.find("#filter-type-" + type).click();
        browser.until("type in the hash", d -> browser.hash().contains("type=" + type));
        waitForCount(matched("actors", "type=" + type), matched("initiatives", ""));
        drawn = drawnMarkers();
        assertThat(param(drawn.actorsRequest(), "type")).isEqualTo(type);
        assertThat(drawn.initiativesRequest()).doesNotContain("type=");
        assertDrawnAsTheApiAnswers(drawn);
        assertThat(browser.findAll(".actor-dot")).as("single actors drawn are of the type")
                .allSatisfy(dot -> assertThat(dot.getDomAttribute("title")).endsWith("(" + typeLabel(type) + ")"));
    }

    @Test
    void aRoleNarrowsTheResourcePersonsOnly() {
        long allActors = matched("actors", "");
        long allInitiatives = matched("initiatives", "");
        String role = stream(api("/api/vocabularies").path("personRoles")).map(t -> t.path("code").asString())
                .filter(code -> matched("persons", "role=" + code) > 0 && matched("persons", "role=" + code) < matched("persons", ""))
                .findFirst().orElseThrow();
        long persons = matched("persons", "role=" + role);
        browser.open("/");
        waitForCount(allActors, allInitiatives);

        browser.find("#filter-role-" + role).click();
        browser.until("role in the hash", d -> browser.hash().contains("role=" + role));
        String expected = plural(allActors, "acteur") + " · " + plural(allInitiatives, "initiative") + " · "
                + plural(persons, "personne");
        browser.until(() -> "the count '" + expected + "', shows '" + countText() + "'", d -> countOf(3).equals(expected));
        Drawn drawn = drawnMarkers();
        assertThat(param(drawn.personsRequest(), "role")).isEqualTo(role);
        assertThat(drawn.actorsRequest()).doesNotContain("role=");
        assertThat(drawn.initiativesRequest()).doesNotContain("role=");
        assertThat(drawn.persons()).isEqualTo(persons);
        assertDrawnAsTheApiAnswers(drawn);
        assertThat(browser.findAll("a[data-export]")).extracting(a -> a.getDomAttribute("href"))
                .anyMatch(href -> href.startsWith("api/export/persons.") && href.contains("role=" + role))
                .noneMatch(href -> href.startsWith("api/export/actors.") && href.contains("role="));

        // A link with the role reproduces it.
        browser.open("/#role=" + role);
        browser.until(() -> "the count '" + expected + "' from the link, shows '" + countText() + "'",
                d -> countOf(3).equals(expected));
        assertThat(browser.find("#filter-role-" + role).isSelected()).isTrue();
    }

    @Test
    void layersAndStatusesNarrowWhatIsShownAndClearAllUndoesEverything() {
        long allActors = matched("actors", "");
        long allInitiatives = matched("initiatives", "");
        browser.open("/");
        waitForCount(allActors, allInitiatives);

        // Actors only: no initiative (nor any other layer) counted, drawn or exported.
        for (String layer : List.of("initiatives", "persons", "needs-offers", "events", "experiences")) {
            browser.find("#filter-show-" + layer).click();
        }
        browser.until("show in the hash", d -> browser.hash().contains("show=actors") && !browser.hash().contains("persons")
                && !browser.hash().contains("experiences"));
        browser.until(() -> "the count of actors alone, shows " + countText(), d -> countText().equals(plural(allActors, "acteur")));
        Drawn drawn = drawnMarkers();
        assertThat(drawn.initiatives()).isZero();
        assertThat(drawn.actors()).isEqualTo(clusterTotal(drawn.actorsRequest()));
        assertThat(browser.findAll("a[data-export]")).extracting(a -> a.getDomAttribute("data-export"))
                .containsExactly("actors.csv", "actors.geojson");

        // Unticking the last layer would show nothing: all come back.
        browser.find("#filter-show-actors").click();
        browser.until("show out of the hash", d -> !browser.hash().contains("show="));
        waitForCount(allActors, allInitiatives);
        assertThat(browser.find("#filter-show-actors").isSelected()).isTrue();
        assertThat(browser.find("#filter-show-initiatives").isSelected()).isTrue();
        assertThat(browser.find("#filter-show-persons").isSelected()).isTrue();
        assertThat(browser.find("#filter-show-events").isSelected()).isTrue();

        // A status narrows the initiatives only.
        String status = stream(api("/api/vocabularies").path("initiativeStatuses")).map(t -> t.path("code").asString())
                .filter(code -> matched("initiatives", "status=" + code) > 0).findFirst().orElseThrow();
        browser.find("#filter-status-" + status).click();
        browser.until("status in the hash", d -> browser.hash().contains("status=" + status));
        waitForCount(allActors, matched("initiatives", "status=" + status));
        drawn = drawnMarkers();
        assertThat(param(drawn.initiativesRequest(), "status")).isEqualTo(status);
        assertThat(drawn.actorsRequest()).doesNotContain("status=");
        assertDrawnAsTheApiAnswers(drawn);

        // Everything at once, then "Tout effacer".
        String theme = someTheme();
        browser.find("#filter-theme-" + theme).click();
        browser.find("#filter-q").sendKeys("transition", Keys.ENTER);
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        assertThat(browser.find("#filters-toggle .badge").getText()).isEqualTo("4");
        browser.driver.findElement(By.xpath("//*[@id='filters']//button[text()='Tout effacer']")).click();
        browser.until("a hash with the view alone", d -> browser.hash().matches("#map=[^&]+"));
        waitForCount(allActors, allInitiatives);
        assertThat(browser.findAll("#filters input[type=checkbox]:checked")).extracting(e -> e.getDomAttribute("id"))
                .containsExactlyInAnyOrder(ALL_LAYERS);
        assertThat(browser.find("#filter-q").getDomProperty("value")).isEmpty();
        assertThat(browser.find("#filters-toggle .badge").getText()).isEmpty();
        browser.until("the panel closed", d -> !browser.find("#panel").isDisplayed());
        assertThat(browser.findAll("#map path.atlas-selection")).isEmpty();
    }

    // ---- 4. An EPCI ----

    @Test
    void anEpciChosenInTheSearchShowsItsRecordsAsTheApiCountsThem() {
        JsonNode epci = firstSearchResult("toulouse metropole");
        assertThat(epci.path("name").asString()).isEqualTo(TOULOUSE_METROPOLE);
        String territory = "epci:" + epci.path("code").asString();
        browser.open("/");

        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);

        assertThat(browser.hash()).contains("territory=" + territory);
        assertThat(browser.findAll("#map path.atlas-selection")).hasSize(1);
        assertThat(browser.panelText()).contains("Métropole", "SIREN", epci.path("code").asString());
        waitForList("actors", "territory=" + territory);
        waitForList("initiatives", "territory=" + territory);
        waitForCount(matched("actors", "territory=" + territory), matched("initiatives", "territory=" + territory));
        assertThat(browser.find("#filters .chip").getText()).contains("EPCI : " + TOULOUSE_METROPOLE);
        for (String collection : List.of("actors", "initiatives")) {
            assertThat(browser.findAll("#panel .result-group[data-collection=" + collection + "] > p button"))
                    .as("a next page button for " + collection + " only past 50")
                    .hasSize(matched(collection, "territory=" + territory) > 50 ? 1 : 0);
        }

        // En bref: the coverage API's row for this EPCI.
        JsonNode row = coverageRow("epci", "territory=" + territory, epci.path("code").asString());
        assertBrief(row);
        WebElement summary = browser.find("#panel .summary details");
        summary.findElement(By.tagName("summary")).click();
        List<WebElement> themes = browser.findAll("#panel .theme-counts li");
        assertThat(themes).hasSize(row.path("themes").size());
        JsonNode first = row.path("themes").get(0);
        assertThat(normalize(themes.get(0).getText())).isEqualTo(themeLabel(first.path("code").asString()) + " : "
                + plural(first.path("actors").asLong(), "acteur") + ", " + plural(first.path("initiatives").asLong(), "initiative"));

        // Hover and focus ring the record's place, inside the EPCI.
        WebElement item = browser.find("#panel .result-group[data-collection=actors] li");
        new Actions(browser.driver).moveToElement(item).perform();
        browser.until("a ring on the hovered record", d -> browser.findAll("path.atlas-hover").size() == 1);
        assertInside(browser.find("path.atlas-hover"), browser.find("path.atlas-selection"));
        new Actions(browser.driver).moveToElement(browser.find("#map"), 0, 0).perform();
        browser.until("no ring once the pointer left", d -> browser.findAll("path.atlas-hover").isEmpty());
        browser.script("arguments[0].focus()", item.findElement(By.cssSelector("button.result")));
        browser.until("a ring on the focused record", d -> browser.findAll("path.atlas-hover").size() == 1);

        // A theme of the summary filters the lists.
        String code = first.path("code").asString();
        browser.find("#panel .theme-counts li button").click();
        browser.until("theme in the hash", d -> browser.hash().contains("theme=" + code));
        waitForList("actors", "territory=" + territory + "&theme=" + code);
        waitForList("initiatives", "territory=" + territory + "&theme=" + code);
        assertThat(browser.find("#filter-theme-" + code).isSelected()).isTrue();
        browser.until("the theme pressed in the summary", d -> browser.findAll("#panel .theme-counts button[aria-pressed=true]")
                .stream().map(b -> b.getDomProperty("textContent")).toList().equals(List.of(themeLabel(code))));
    }

    @Test
    void aLongListGrowsAPageAtATimeToTheApiCount() {
        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        // Its département, from "Fait partie de": more actors than a page.
        JsonNode departement = api("/api/territories/epci/" + firstSearchResult("toulouse metropole").path("code").asString()
                + "?geometry=false").path("properties").path("parents").values().stream()
                .filter(p -> p.path("kind").asString().equals("departement")).findFirst().orElseThrow();
        String name = departement.path("name").asString();
        String query = "territory=departement:" + departement.path("code").asString();
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='" + name + "']")).click();
        browser.waitForPanelTitle(name);

        List<Long> all = ids("actors", query, 1000);
        assertThat(all).as("more than a page").hasSizeGreaterThan(50);
        waitForList("actors", query);
        assertThat(listIds("actors")).as("the first page").isEqualTo(all.subList(0, 50));
        WebElement more = browser.find("#panel .result-group[data-collection=actors] > p button");
        assertThat(more.getText()).isEqualTo("Voir les 50 suivants");

        more.click();

        int expected = Math.min(all.size(), 100);
        browser.until(() -> "the list grown to " + expected + ", has " + listIds("actors").size(),
                d -> listIds("actors").size() == expected);
        assertThat(listIds("actors")).as("the next page follows, in the API's order").isEqualTo(all.subList(0, expected));
        assertThat(browser.findAll("#panel .result-group[data-collection=actors] > p button"))
                .as("a button only while the API has more").hasSize(all.size() > 100 ? 1 : 0);
        assertThat(browser.find("#panel .result-group[data-collection=actors] h3").getText())
                .isEqualTo("Acteurs (" + all.size() + ")");
    }

    // ---- 5. Cards ----

    @Test
    void aCardNamesItsSourcesWithTheirLicencesAndTheMapCreditsTheDataLicences() {
        JsonNode actor = features("actors", "q=jardin", 1).get(0);
        long id = actor.path("id").asLong();
        JsonNode source = json(get("/api/actors/" + id)).path("properties").path("sources").get(0);
        assertThat(source.path("licence").asString()).as("the demo mappings declare CC0 1.0").isEqualTo("CC0 1.0");

        browser.open("/#actor=" + id);
        browser.waitForPanelTitle(actor.path("properties").path("name").asString());

        WebElement item = browser.find("#panel ul.sources li");
        assertThat(item.getText()).startsWith(source.path("source").asString()
                + " (CC0 1.0) · Atlas Citoyen — données de démonstration · fiche " + source.path("externalId").asString());
        WebElement licence = browser.find("#panel ul.sources li a");
        assertThat(licence.getText()).isEqualTo("CC0 1.0");
        assertThat(licence.getDomAttribute("href")).isEqualTo("https://creativecommons.org/publicdomain/zero/1.0/");
        browser.until("the data licences in the map's attribution",
                d -> browser.find(".leaflet-control-attribution").getText().contains("Annuaires : CC0 1.0"));
        assertThat(browser.find(".leaflet-control-attribution").getText()).contains("Territoires : Licence Ouverte 2.0");
        assertThat(browser.find(".leaflet-control-attribution .data-licences a").getDomAttribute("title"))
                .contains("reseau-engagement-occitanie", "carte-transition-occitanie");
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", item); // for the screenshot
    }

    @Test
    void anActorCardFromTheListShowsItsSiteButNeverItsEmail() throws IOException {
        String territory = "epci:" + firstSearchResult("toulouse metropole").path("code").asString();
        // An actor of the EPCI whose row in the demo directory has an e-mail and a website.
        Map<String, String> emails = demoEmailsByName();
        List<JsonNode> listed = features("actors", "territory=" + territory, 50);
        JsonNode actor = listed.stream().filter(f -> emails.containsKey(f.path("properties").path("name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no actor of the EPCI with an e-mail in " + DEMO_ACTORS_CSV));
        long id = actor.path("id").asLong();
        String email = emails.get(actor.path("properties").path("name").asString());
        HttpResponse<String> detailResponse = get("/api/actors/" + id);
        assertThat(detailResponse.body()).as("the API never serves the e-mail").doesNotContain(email).doesNotContain("@");
        JsonNode detail = json(detailResponse).path("properties");

        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        waitForList("actors", "territory=" + territory);
        browser.find("#panel .result-group[data-collection=actors] li[data-id='" + id + "'] button.result").click();

        browser.waitForPanelTitle(detail.path("name").asString());
        assertThat(browser.hash()).contains("actor=" + id, "territory=" + territory);
        assertThat(browser.find("#panel .kind").getText()).isEqualTo(detail.path("typeLabel").asString());
        assertThat(texts("#panel ul.tags li")).containsExactlyElementsOf(labels(detail.path("themes")));
        assertThat(texts("#panel ul.refs li button")).as("territories, then linked initiatives").startsWith(
                names(detail.path("territories")).toArray(String[]::new));
        assertThat(browser.find("#panel ul.sources").getText())
                .contains(detail.path("sources").get(0).path("source").asString() + " (CC0 1.0)",
                        detail.path("sources").get(0).path("externalId").asString());
        WebElement contact = browser.find("#panel a.button");
        assertThat(contact.getText()).startsWith("Contacter");
        assertThat(contact.getDomAttribute("href")).isEqualTo(detail.path("website").asString());
        assertThat(browser.panelText()).doesNotContain(email).doesNotContain("@")
                .as("no French phone number").doesNotContainPattern("(?:\\+33|\\b0)[1-9](?:[ .-]?\\d{2}){4}\\b");
        assertThat(browser.findAll("#panel a[href^='mailto:'], #panel a[href^='tel:']")).isEmpty();

        browser.find("#panel button.back").click();
        browser.waitForPanelTitle(TOULOUSE_METROPOLE);
        assertThat(browser.hash()).doesNotContain("actor=");
        waitForList("actors", "territory=" + territory);

        // A territory of the card becomes the focus.
        browser.find("#panel .result-group[data-collection=actors] li[data-id='" + id + "'] button.result").click();
        browser.waitForPanelTitle(detail.path("name").asString());
        JsonNode departement = stream(detail.path("territories")).filter(t -> t.path("kind").asString().equals("departement"))
                .findFirst().orElseThrow();
        browser.driver.findElement(By.xpath("//*[@id='panel']//ul[@class='refs']//button[text()='"
                + departement.path("name").asString() + "']")).click();
        browser.waitForPanelTitle(departement.path("name").asString());
        assertThat(browser.hash()).contains("territory=departement:" + departement.path("code").asString())
                .doesNotContain("actor=");
        waitForList("actors", "territory=departement:" + departement.path("code").asString());
    }

    @Test
    void anActorCardOpensFromItsMarker() {
        String territory = "epci:" + firstSearchResult("toulouse metropole").path("code").asString();
        // An actor at its address, alone at its place (a marker on top of another takes the click).
        List<JsonNode> records = new ArrayList<>(features("actors", "territory=" + territory, 1000));
        for (String other : List.of("initiatives", "events", "experiences")) {
            records.addAll(features(other, "territory=" + territory, 1000));
        }
        // Kinds found by the territories they cover may be placed anywhere: all of them (few in the demo).
        records.addAll(features("needs-offers", "", 1000));
        records.addAll(features("persons", "", 1000));
        JsonNode actor = features("actors", "territory=" + territory, 1000).stream()
                .filter(f -> f.path("properties").path("precision").asString().equals("address"))
                .filter(f -> records.stream().filter(o -> o.path("geometry").equals(f.path("geometry"))).count() == 1)
                .findFirst().orElseThrow();
        String name = actor.path("properties").path("name").asString();
        JsonNode at = actor.path("geometry").path("coordinates");
        browser.open("/#map=17/" + at.get(1).asDouble() + "/" + at.get(0).asDouble());

        WebElement dot = browser.until("the actor's marker", d -> markerOf(".actor-dot", name));
        assertThat(dot.getDomAttribute("title")).isEqualTo(name + " (" + typeLabel(actor.path("properties").path("type").asString()) + ")");
        dot.click();

        browser.waitForPanelTitle(name);
        assertThat(browser.hash()).contains("actor=" + actor.path("id").asLong()).doesNotContain("point=");
        assertThat(browser.findAll("path.record-ring")).as("the open actor is ringed").hasSize(1);
        assertThat(browser.findAll("#panel button.back")).as("no list to go back to").isEmpty();
        JsonNode detail = api("/api/actors/" + actor.path("id").asLong()).path("properties");
        assertThat(texts("#panel ul.tags li")).containsExactlyElementsOf(labels(detail.path("themes")));
    }

    @Test
    void anInitiativeCardShowsItsStatusLessonsAndCarriers() {
        String territory = "epci:" + firstSearchResult("toulouse metropole").path("code").asString();
        JsonNode initiative = features("initiatives", "territory=" + territory, 50).stream()
                .filter(f -> !f.path("properties").path("lessonsLearned").isNull()
                        && f.path("properties").path("carriers").asInt() > 0)
                .findFirst().orElseThrow();
        long id = initiative.path("id").asLong();
        JsonNode detail = api("/api/initiatives/" + id).path("properties");
        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        waitForList("initiatives", "territory=" + territory);

        browser.find("#panel .result-group[data-collection=initiatives] li[data-id='" + id + "'] button.result").click();

        browser.waitForPanelTitle(detail.path("name").asString());
        assertThat(browser.hash()).contains("initiative=" + id);
        assertThat(browser.find("#panel .kind").getText()).isEqualTo("Initiative · " + detail.path("statusLabel").asString());
        WebElement lessonsHeading = browser.driver.findElement(By.xpath("//*[@id='panel']//h3[text()='Retour d’expérience']"));
        assertThat(normalize(lessonsHeading.findElement(By.xpath("following-sibling::p[1]")).getText()))
                .isEqualTo(normalize(detail.path("lessonsLearned").asString()));
        WebElement carriedBy = browser.driver.findElement(By.xpath("//*[@id='panel']//h3[text()='Portée par']"));
        List<String> carriers = carriedBy.findElement(By.xpath("following-sibling::ul[1]")).findElements(By.tagName("button"))
                .stream().map(WebElement::getText).toList();
        assertThat(carriers).containsExactlyElementsOf(names(detail.path("actors")));

        // A carrier's card, from the initiative's.
        JsonNode carrier = detail.path("actors").get(0);
        carriedBy.findElement(By.xpath("following-sibling::ul[1]//button")).click();
        browser.waitForPanelTitle(carrier.path("name").asString());
        assertThat(browser.hash()).contains("actor=" + carrier.path("id").asLong()).doesNotContain("initiative=");
        assertThat(browser.find("#panel .kind").getText()).isEqualTo(carrier.path("typeLabel").asString());
    }

    // ---- 6. Coverage ----

    @Test
    void coverageModeColoursEachTerritoryAndOutlinesTheZonesBlanches() {
        String theme = someTheme();
        browser.open("/");
        waitForCount(matched("actors", ""), matched("initiatives", ""));

        browser.find("#mode-coverage").click();

        browser.until("coverage in the hash", d -> browser.hash().contains("mode=coverage&level=epci"));
        assertCoverageAsTheApi("epci", "");
        assertThat(browser.find("#map").getDomAttribute("data-markers")).as("no markers in coverage mode").isNull();
        assertThat(browser.findAll("#map .actor-dot, #map .actor-cluster, #map .initiative-dot, #map .initiative-cluster")).isEmpty();
        assertThat(browser.find(".records-legend").isDisplayed()).isFalse();

        new Select(browser.find("#coverage-level")).selectByValue("petr");
        browser.until("petr in the hash", d -> browser.hash().contains("level=petr"));
        assertCoverageAsTheApi("petr", "");

        browser.find("#filter-theme-" + theme).click();
        browser.until("theme in the hash", d -> browser.hash().contains("theme=" + theme));
        assertCoverageAsTheApi("petr", "theme=" + theme);
        new Select(browser.find("#coverage-level")).selectByValue("epci");
        browser.until("epci in the hash", d -> browser.hash().contains("level=epci"));
        JsonNode withTheme = assertCoverageAsTheApi("epci", "theme=" + theme);
        assertThat(withTheme.path("summary").path("zonesBlanches").asInt()).as("a theme leaves blanks")
                .isGreaterThan(api("/api/coverage?level=epci&format=json").path("summary").path("zonesBlanches").asInt());
        String table = browser.find(".coverage-legend a").getDomAttribute("href");
        assertThat(table).startsWith("api/coverage?");
        assertThat(params(table)).isEqualTo(Map.of("theme", theme, "level", "epci", "format", "csv"));

        // A type narrows the actors counted, not the initiatives.
        String type = someActorType();
        browser.find("#filter-type-" + type).click();
        browser.until("type in the hash", d -> browser.hash().contains("type=" + type));
        JsonNode withType = assertCoverageAsTheApi("epci", "theme=" + theme + "&type=" + type);

        // A click on a zone blanche opens it, and its panel says so.
        WebElement blank = browser.until("a zone blanche in reach", d -> topmost(".leaflet-coverage-pane path.zone-blanche"));
        blank.click();
        browser.until("a territory in the hash", d -> browser.hash().contains("territory=epci:"));
        String code = param(browser.hash(), "territory").substring("epci:".length());
        JsonNode row = coverageRow("epci", "theme=" + theme + "&type=" + type, code);
        assertThat(row.path("zoneBlanche").asBoolean()).as("the API says " + code + " is a zone blanche").isTrue();
        browser.waitForPanelTitle(row.path("name").asString());
        assertThat(browser.hash()).as("a territory, not the point clicked").doesNotContain("point=");
        browser.until("the summary", d -> normalize(browser.find("#panel .summary").getText()).equals(
                "En bref\nAucun acteur ni aucune initiative connus ici pour cette sélection : une zone blanche."));
        waitForCount(0, 0);
        browser.until("empty lists", d -> browser.findAll("#panel .result-group:is([data-collection=actors],"
                + " [data-collection=initiatives], [data-collection=persons]) > p").stream()
                .filter(p -> p.getText().equals("Aucun résultat pour ces filtres.")).count() == 3);
        assertThat(browser.findAll("#map path.atlas-selection")).hasSize(1);
        assertThat(browser.hash()).as("still in coverage mode").contains("mode=coverage");
        assertCoverageAsTheApi("epci", "theme=" + theme + "&type=" + type);

        // Its département ("Fait partie de"): the choropleth narrows to the département's EPCI.
        JsonNode departement = stream(api("/api/territories/epci/" + code + "?geometry=false").path("properties").path("parents"))
                .filter(t -> t.path("kind").asString().equals("departement")).findFirst().orElseThrow();
        browser.driver.findElement(By.xpath("//*[@id='panel']//button[text()='" + departement.path("name").asString() + "']")).click();
        browser.waitForPanelTitle(departement.path("name").asString());
        assertCoverageAsTheApi("epci", "theme=" + theme + "&type=" + type + "&territory=departement:"
                + departement.path("code").asString());
        browser.find("#panel .panel-close").click();
        browser.until("no territory", d -> !browser.hash().contains("territory="));
        assertCoverageAsTheApi("epci", "theme=" + theme + "&type=" + type);
        assertThat(withType.path("summary").path("actors").asLong())
                .isLessThan(withTheme.path("summary").path("actors").asLong());
        assertThat(params(browser.find(".coverage-legend a").getDomAttribute("href")))
                .isEqualTo(Map.of("theme", theme, "type", type, "level", "epci", "format", "csv"));

        // Back to markers: the coverage goes, the markers come back under the same filters.
        browser.find("#mode-markers").click();
        browser.until("markers in the hash", d -> !browser.hash().contains("mode="));
        Drawn drawn = drawnMarkers();
        assertThat(param(drawn.actorsRequest(), "theme")).isEqualTo(theme);
        assertThat(param(drawn.actorsRequest(), "type")).isEqualTo(type);
        assertThat(browser.findAll("#map .leaflet-coverage-pane path")).isEmpty();
        assertThat(browser.findAll(".coverage-legend")).isEmpty();

        // And coverage again, for the picture.
        browser.find("#mode-coverage").click();
        assertCoverageAsTheApi("epci", "theme=" + theme + "&type=" + type);
    }

    // ---- 7. Exports ----

    @Test
    void exportsCarryTheFiltersAndDownloadWhatTheCountSays() throws Exception {
        String theme = someTheme();
        JsonNode epci = firstSearchResult("toulouse metropole");
        String territory = "epci:" + epci.path("code").asString();
        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        browser.find("#filter-theme-" + theme).click();
        long actors = matched("actors", "territory=" + territory + "&theme=" + theme);
        long initiatives = matched("initiatives", "territory=" + territory + "&theme=" + theme);
        assertThat(actors).isPositive();
        waitForCount(actors, initiatives);
        Map<String, String> filters = Map.of("territory", territory, "theme", theme);

        for (String export : List.of("actors.csv", "actors.geojson", "initiatives.csv", "initiatives.geojson")) {
            String href = browser.find("a[data-export='" + export + "']").getDomAttribute("href");
            assertThat(href).startsWith("api/export/" + export + "?");
            assertThat(params(href)).as(export).isEqualTo(filters);
            HttpResponse<String> file = get("/" + href);
            assertThat(file.statusCode()).as(export).isEqualTo(200);
            long shown = export.startsWith("actors") ? actors : initiatives;
            assertThat(export.endsWith(".csv") ? csvRows(file.body()).size() : json(file).path("features").size())
                    .as(export + " holds what the count says").isEqualTo(shown);
        }

        // A click downloads the file under the name the service gives it.
        String href = browser.find("a[data-export='actors.csv']").getDomAttribute("href");
        String fileName = attachmentName(get("/" + href));
        assertThat(fileName).matches("atlas-actors_epci-" + epci.path("code").asString() + "_theme-" + theme
                + "_\\d{4}-\\d{2}-\\d{2}\\.csv");
        browser.find("a[data-export='actors.csv']").click();
        Path downloaded = browser.downloads().resolve(fileName);
        browser.until(() -> "the download of " + fileName + ", have " + listDownloads(), d -> Files.exists(downloaded)
                && !Files.exists(browser.downloads().resolve(fileName + ".crdownload")));
        List<CSVRecord> rows = csvRows(Files.readString(downloaded, StandardCharsets.UTF_8));
        assertThat(rows).hasSize((int) actors);
        assertThat(rows).extracting(r -> Long.parseLong(r.get("id")))
                .containsExactlyElementsOf(ids("actors", "territory=" + territory + "&theme=" + theme, 1000));
        assertThat(browser.driver.getCurrentUrl()).as("the page stays").contains("territory=" + territory);
    }

    // ---- 8. Links ----

    @Test
    void theUrlBringsBackFiltersTerritoryCardAndView() {
        String theme = someTheme();
        String type = someActorType();
        browser.open("/");
        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        browser.find("#filter-theme-" + theme).click();
        browser.find("#filter-type-" + type).click();
        browser.until("filters in the hash", d -> browser.hash().contains("type=" + type));
        String territory = "territory=epci:" + firstSearchResult("toulouse metropole").path("code").asString();
        waitForList("actors", territory + "&theme=" + theme + "&type=" + type);
        WebElement first = browser.find("#panel .result-group[data-collection=actors] li button.result");
        String name = first.findElement(By.className("result-name")).getText();
        first.click();
        browser.waitForPanelTitle(name);
        Screen before = screen();
        List<String> checked = new ArrayList<>(List.of(ALL_LAYERS));
        checked.addAll(List.of("filter-theme-" + theme, "filter-type-" + type, "mode-markers"));
        assertThat(before.checked()).containsExactlyInAnyOrderElementsOf(checked);

        browser.driver.get("about:blank");
        browser.driver.get(before.url());

        browser.waitForPanelTitle(name);
        Screen after = screen();
        assertThat(after).isEqualTo(before);
        assertThat(browser.findAll("#map path.atlas-selection")).hasSize(1);
        // The card remembers the list it came from, summed up under the same filters.
        browser.find("#panel button.back").click();
        browser.waitForPanelTitle(TOULOUSE_METROPOLE);
        waitForList("actors", territory + "&theme=" + theme + "&type=" + type);
        String code = territory.substring(territory.indexOf(':') + 1);
        assertBrief(coverageRow("epci", territory + "&theme=" + theme + "&type=" + type, code));
    }

    // ---- 9. Autour de ----

    @Test
    void aroundMeListsTheNearestRecordsFirstAndAroundACommuneToo() throws IOException {
        browser.setGeolocation(43.6045, 1.4442);
        browser.open("/");
        waitForCount(matched("actors", ""), matched("initiatives", ""));

        browser.driver.findElement(By.xpath("//*[@id='filters']//button[text()='Autour de moi']")).click();

        browser.until("near in the hash", d -> browser.hash().contains("near=43.60450/1.44420/10000"));
        browser.waitForPanelTitle("Dans un rayon de 10 km autour de vous");
        assertThat(browser.findAll("#map path.atlas-near")).hasSize(1);
        String near = "near=1.44420,43.60450&radius=10000";
        waitForList("actors", near);
        waitForList("initiatives", near);
        waitForCount(matched("actors", near), matched("initiatives", near));
        assertThat(browser.find("#panel .result-group[data-collection=actors] li .result-details").getText())
                .as("with the distance").matches(".* · \\d+(,\\d)? k?m");
        assertThat(param(drawnMarkers().actorsRequest(), "near")).isEqualTo("1.44420,43.60450");
        // Exports of the radius: the same selection, nearest first.
        String export = browser.find("a[data-export='actors.csv']").getDomAttribute("href");
        assertThat(params(export)).isEqualTo(Map.of("near", "1.44420,43.60450", "radius", "10000"));
        List<CSVRecord> rows = csvRows(get("/" + export).body());
        assertThat(rows).extracting(r -> Long.parseLong(r.get("id"))).containsExactlyElementsOf(ids("actors", near, 1000));

        // Another radius.
        new Select(browser.find("#near-radius")).selectByValue("5000");
        browser.until("5 km in the hash", d -> browser.hash().contains("near=43.60450/1.44420/5000"));
        browser.waitForPanelTitle("Dans un rayon de 5 km autour de vous");
        waitForList("actors", "near=1.44420,43.60450&radius=5000");

        // Around a commune: its centre, the radius chosen.
        JsonNode albi = firstSearchResult("albi");
        browser.chooseFirstResult("albi", albi.path("name").asString());
        assertThat(browser.findAll("#map path.atlas-near")).as("a territory replaces the radius").isEmpty();
        WebElement around = browser.find("#filters .near-row button:nth-of-type(2)");
        assertThat(around.getText()).isEqualTo("Autour d’Albi");
        around.click();
        browser.waitForPanelTitle("Dans un rayon de 5 km autour d’Albi");
        Matcher m = Pattern.compile("near=([-\\d.]+)/([-\\d.]+)/5000").matcher(browser.hash());
        assertThat(m.find()).as(browser.hash()).isTrue();
        String lat = m.group(1);
        String lon = m.group(2);
        assertThat(api("/api/territories/at?lat=" + lat + "&lon=" + lon).path("territories").values())
                .as("the centre is in the commune").anySatisfy(t -> assertThat(t.path("code").asString())
                        .isEqualTo(albi.path("code").asString()));
        assertThat(browser.hash()).doesNotContain("territory=");
        waitForList("actors", "near=" + lon + "," + lat + "&radius=5000");
        assertThat(browser.findAll("#map path.atlas-near")).hasSize(1);
    }

    // ---- 10. Embed and sharing ----

    @Test
    void theEmbedPageShowsTheFilteredMapWithoutItsSidebar() {
        String theme = someTheme();
        browser.open("/embed?theme=" + theme + "&map=8/43.800/2.400");

        Drawn drawn = drawnMarkers();
        assertThat(browser.find("body").getDomAttribute("class")).contains("embed");
        assertThat(browser.find("#sidebar").isDisplayed()).isFalse();
        assertThat(param(drawn.actorsRequest(), "theme")).isEqualTo(theme);
        // Cells asked three zooms up from the map's 8: 32 px on screen.
        assertThat(param(drawn.actorsRequest(), "zoom")).isEqualTo("5");
        assertDrawnAsTheApiAnswers(drawn);
        // Compared with the same box without the filter: it does filter.
        String unfiltered = "/api/actors/clusters?bbox=" + param(drawn.actorsRequest(), "bbox") + "&zoom=5";
        assertThat(drawn.actors()).isLessThan(clusterTotal(unfiltered)).isPositive();

        WebElement dot = browser.until("a single actor on top of its neighbours", d -> topmost(".actor-dot"));
        String title = dot.getDomAttribute("title");
        dot.click();
        browser.waitForPanelTitle(title.substring(0, title.lastIndexOf(" (")));
        assertThat(browser.hash()).contains("theme=" + theme, "actor=");

        String actor = param(browser.hash(), "actor");
        URI full = URI.create(browser.find(".full-map-link").getDomProperty("href"));
        assertThat(full.getPath()).isEqualTo("/");
        assertThat(params(full.getRawFragment())).as("the full map shows the same: filter, view, card")
                .containsEntry("theme", theme).containsEntry("map", param(browser.hash(), "map")).containsEntry("actor", actor);
        assertThat(browser.find(".full-map-link").getDomAttribute("target")).isEqualTo("_blank");

        // Followed (here in the same tab): the same card and filter, with the sidebar.
        browser.driver.get(full.toString());
        browser.waitForPanelTitle(title.substring(0, title.lastIndexOf(" (")));
        assertThat(browser.find("#sidebar").isDisplayed()).isTrue();
        assertThat(browser.find("#filter-theme-" + theme).isSelected()).isTrue();
    }

    @Test
    void theEmbedPageCanShowTheCoverage() {
        String theme = someTheme();
        browser.open("/embed?mode=coverage&level=petr&theme=" + theme);

        assertCoverageAsTheApi("petr", "theme=" + theme);
        assertThat(browser.find("#sidebar").isDisplayed()).isFalse();
        assertThat(browser.findAll("#map .actor-dot, #map .actor-cluster")).isEmpty();
        URI full = URI.create(browser.find(".full-map-link").getDomProperty("href"));
        assertThat(params(full.getRawFragment())).containsEntry("mode", "coverage").containsEntry("level", "petr")
                .containsEntry("theme", theme);
    }

    @Test
    void theShareDialogGivesThisScreensLinkAndAnEmbedOfIt() {
        String theme = someTheme();
        browser.open("/#map=9/43.600/1.440&theme=" + theme);
        waitForCount(matched("actors", "theme=" + theme), matched("initiatives", "theme=" + theme));
        Drawn drawn = drawnMarkers();

        browser.driver.findElement(By.xpath("//*[@id='filters']//button[text()='Partager ou intégrer']")).click();

        browser.until("the dialog open", d -> browser.find("dialog#share").getDomProperty("open").equals("true"));
        assertThat(browser.find("#share-link").getDomProperty("value")).isEqualTo(browser.driver.getCurrentUrl());
        String snippet = browser.find("#share-snippet").getDomProperty("value");
        Matcher src = Pattern.compile("<iframe src=\"([^\"]+)\"").matcher(snippet);
        assertThat(src.find()).as(snippet).isTrue();
        URI embed = URI.create(src.group(1).replace("&amp;", "&"));
        assertThat(embed.getPath()).isEqualTo("/embed");
        assertThat(params(embed.getRawQuery())).as("no card, no point: the filters and the view")
                .isEqualTo(Map.of("theme", theme, "map", param(browser.hash(), "map")));
        browser.find("dialog#share button[type=submit]").click();
        browser.until("the dialog closed", d -> browser.find("dialog#share").getDomProperty("open").equals("false"));

        // The snippet's page shows the same markers.
        browser.driver.get("about:blank");
        browser.driver.get(embed.toString());
        Drawn embedded = drawnMarkers();
        assertThat(browser.find("#sidebar").isDisplayed()).isFalse();
        assertThat(embedded.actors()).isEqualTo(drawn.actors());
        assertThat(embedded.initiatives()).isEqualTo(drawn.initiatives());
    }

    // ---- 11. Phone ----

    @Test
    void onAPhoneFiltersFoldThePanelIsABottomSheetAndNothingOverflows() {
        browser.driver.manage().window().setSize(new Dimension(375, 812));
        browser.open("/");
        waitForCount(matched("actors", ""), matched("initiatives", ""));
        assertThat(((Number) browser.script("return innerWidth")).intValue()).isEqualTo(375);
        assertNoHorizontalOverflow("at start");
        assertThat(browser.find(".records-legend").getDomProperty("open")).as("the legend folded").isEqualTo("false");

        WebElement toggle = browser.find("#filters-toggle");
        assertThat(browser.find("#filters").isDisplayed()).as("folded").isFalse();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        assertThat(browser.find("#filters").isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertNoHorizontalOverflow("filters open");
        toggle.click();
        assertThat(browser.find("#filters").isDisplayed()).isFalse();

        browser.chooseFirstResult("toulouse metropole", TOULOUSE_METROPOLE);
        @SuppressWarnings("unchecked")
        Map<String, Number> sheet = (Map<String, Number>) browser.script("""
                const panel = document.getElementById('panel').getBoundingClientRect();
                return {height: innerHeight, left: panel.left, right: panel.right, bottom: panel.bottom, top: panel.top};""");
        assertThat(sheet.get("left").intValue()).isZero();
        assertThat(sheet.get("right").intValue()).isEqualTo(375);
        assertThat(sheet.get("bottom").intValue()).isEqualTo(sheet.get("height").intValue());
        assertThat(sheet.get("top").doubleValue()).isGreaterThan(sheet.get("height").doubleValue() / 2);
        assertNoHorizontalOverflow("panel open");
        waitForList("actors", "territory=epci:" + firstSearchResult("toulouse metropole").path("code").asString());
        browser.find("#panel .result-group[data-collection=actors] li button.result").click();
        browser.until("a card", d -> browser.hash().contains("actor="));
        browser.waitForVisible("#panel a.button, #panel .tags");
        assertNoHorizontalOverflow("card open");

        toggle.click();
        @SuppressWarnings("unchecked")
        Map<String, Number> both = (Map<String, Number>) browser.script("""
                return {filters: document.getElementById('filters').getBoundingClientRect().bottom,
                        sheet: document.getElementById('panel').getBoundingClientRect().top};""");
        assertThat(both.get("filters").doubleValue()).as("the filters end above the sheet, every control in reach")
                .isLessThanOrEqualTo(both.get("sheet").doubleValue());
        browser.find("#mode-coverage").click();
        browser.until("coverage drawn", d -> "ready".equals(browser.find("#map").getDomAttribute("data-coverage")));
        assertNoHorizontalOverflow("coverage");
        WebElement share = browser.driver.findElement(By.xpath("//*[@id='filters']//button[text()='Partager ou intégrer']"));
        // Scrolled to the middle as a person would: at the very bottom it sits under the sticky "Voir la carte".
        browser.script("arguments[0].scrollIntoView({block: 'center'})", share);
        share.click();
        WebElement dialog = browser.waitForVisible("dialog#share");
        assertThat(dialog.getRect().getX()).as("the dialog fits").isGreaterThanOrEqualTo(0);
        assertThat(dialog.getRect().getX() + dialog.getRect().getWidth()).as("the dialog fits").isLessThanOrEqualTo(375);
        assertNoHorizontalOverflow("share dialog");
        browser.find("dialog#share button[type=submit]").click();
    }

    // ---- 12. Keyboard ----

    @Test
    void theKeyboardReachesSearchFiltersAndMarkersAndEscapeClosesTheCard() {
        String theme = someTheme();
        browser.open("/");
        waitForCount(matched("actors", ""), matched("initiatives", ""));

        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.className")).as("the skip link first").isEqualTo("skip-link");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("search-input");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("filters-toggle");
        String box = "filter-theme-" + theme;
        for (int i = 0; i < 60 && !box.equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).as("Tab reaches the theme boxes").isEqualTo(box);
        keys.sendKeys(Keys.SPACE).perform();
        browser.until("theme in the hash", d -> browser.hash().contains("theme=" + theme));
        waitForCount(matched("actors", "theme=" + theme), matched("initiatives", "theme=" + theme));

        // A single actor in view, the filters folded: Tab goes through the map to its marker.
        String territory = "epci:" + firstSearchResult("toulouse metropole").path("code").asString();
        JsonNode actor = features("actors", "territory=" + territory, 1).get(0);
        JsonNode at = actor.path("geometry").path("coordinates");
        String name = actor.path("properties").path("name").asString();
        browser.open("/#map=18/" + at.get(1).asDouble() + "/" + at.get(0).asDouble() + "&territory=" + territory);
        browser.waitForPanelTitle(TOULOUSE_METROPOLE);
        browser.until("the actor's marker", d -> markerOf(".actor-dot", name));
        keys.sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).perform(); // skip link, search, toggle
        assertThat(activeId()).isEqualTo("filters-toggle");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.find("#filters").isDisplayed()).as("Enter folds the filters").isFalse();
        for (int i = 0; i < 150 && !name.equals(activeMarkerName()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeMarkerName()).as("Tab reaches the marker").isEqualTo(name);

        keys.sendKeys(Keys.ENTER).perform();

        browser.waitForPanelTitle(name);
        assertThat(browser.hash()).contains("actor=" + actor.path("id").asLong());
        // The card took the focus (it comes before the map in the page); Escape closes it and
        // gives the focus back to the marker it was opened from.
        assertThat(browser.script("return document.getElementById('panel').contains(document.activeElement)"))
                .as("the focus moved to the card").isEqualTo(true);
        keys.sendKeys(Keys.ESCAPE).perform();
        browser.waitForPanelTitle(TOULOUSE_METROPOLE);
        assertThat(browser.hash()).doesNotContain("actor=");
        browser.until("the focus back on the marker", d -> name.equals(activeMarkerName()));
        // Back into the panel, then Escape: the territory closes.
        for (int i = 0; i < 60 && !Boolean.TRUE.equals(browser.script(
                "return document.getElementById('panel').contains(document.activeElement)")); i++) {
            keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        keys.sendKeys(Keys.ESCAPE).perform();
        browser.until("the panel closed", d -> !browser.find("#panel").isDisplayed());
        assertThat(activeId()).as("the focus back in the search").isEqualTo("search-input");
        assertThat(browser.hash()).doesNotContain("territory=");
    }

    // ---- What the page shows ----

    /** The markers of the map, summed by collection, with the cluster requests they came from. */
    private record Drawn(long actors, long initiatives, int markers, String actorsRequest, String initiativesRequest,
                         long persons, String personsRequest, Map<String, Long> others, Map<String, String> othersRequests) {
    }

    private static final String DRAWN_JS = """
            const map = document.getElementById('map');
            if (map.dataset.markers !== 'ready') return null;
            const total = (dot, cluster) => document.querySelectorAll('#map ' + dot).length
              + [...document.querySelectorAll('#map ' + cluster)].reduce((n, e) => n + Number(e.textContent), 0);
            const last = (c) => performance.getEntriesByType('resource').map((e) => new URL(e.name))
              .filter((u) => u.pathname === '/api/' + c + '/clusters').map((u) => u.pathname + u.search).at(-1) ?? null;
            return {actors: total('.actor-dot', '.actor-cluster'), initiatives: total('.initiative-dot', '.initiative-cluster'),
              markers: document.querySelectorAll('#map .leaflet-marker-icon').length,
              actorsRequest: last('actors'), initiativesRequest: last('initiatives'),
              persons: total('.person-dot', '.person-cluster'), personsRequest: last('persons'),
              others: Object.fromEntries(arguments[0].map(([c, k]) => [c, total('.' + k + '-dot', '.' + k + '-cluster')])),
              othersRequests: Object.fromEntries(arguments[0].map(([c]) => [c, last(c)]))};""";

    /** Waits for the markers, then reads them and their requests in one go (no redraw in between). */
    @SuppressWarnings("unchecked")
    private Drawn drawnMarkers() {
        Map<String, Object> m = browser.until("the markers drawn", d -> (Map<String, Object>) browser.script(DRAWN_JS, AGIR_LAYERS));
        Map<String, Long> others = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("others")).forEach((c, n) -> others.put(c, ((Number) n).longValue()));
        Map<String, String> othersRequests = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("othersRequests")).forEach((c, r) -> othersRequests.put(c, (String) r));
        return new Drawn(((Number) m.get("actors")).longValue(), ((Number) m.get("initiatives")).longValue(),
                ((Number) m.get("markers")).intValue(), (String) m.get("actorsRequest"), (String) m.get("initiativesRequest"),
                ((Number) m.get("persons")).longValue(), (String) m.get("personsRequest"), others, othersRequests);
    }

    /** The markers are those the API answers to the page's own requests: same records, same clusters. */
    private void assertDrawnAsTheApiAnswers(Drawn drawn) {
        assertThat(drawn.actorsRequest()).isNotNull();
        assertThat(drawn.initiativesRequest()).isNotNull();
        JsonNode actors = api(drawn.actorsRequest());
        JsonNode initiatives = api(drawn.initiativesRequest());
        assertThat(drawn.actors()).as("actors drawn").isEqualTo(clusterTotal(actors));
        assertThat(drawn.initiatives()).as("initiatives drawn").isEqualTo(clusterTotal(initiatives));
        // Resource persons (the demo's five) are a third layer; when it is off (a filter of another
        // kind's category), none is drawn and its last request is an earlier one.
        int persons = 0;
        if (drawn.persons() > 0) {
            JsonNode personClusters = api(drawn.personsRequest());
            assertThat(drawn.persons()).as("persons drawn").isEqualTo(clusterTotal(personClusters));
            persons = personClusters.path("features").size();
        }
        // Needs and offers, events, experiences: the same, each layer on its own.
        int others = 0;
        for (Map.Entry<String, Long> layer : drawn.others().entrySet()) {
            if (layer.getValue() > 0) {
                JsonNode clusters = api(drawn.othersRequests().get(layer.getKey()));
                assertThat(layer.getValue()).as(layer.getKey() + " drawn").isEqualTo(clusterTotal(clusters));
                others += clusters.path("features").size();
            }
        }
        assertThat(drawn.markers()).as("markers").isEqualTo(actors.path("features").size() + initiatives.path("features").size()
                + persons + others);
    }

    private long clusterTotal(String request) {
        return clusterTotal(api(request));
    }

    private static long clusterTotal(JsonNode clusters) {
        return stream(clusters.path("features")).mapToLong(f -> f.path("properties").path("count").asLong()).sum();
    }

    /** The first marker matching `css` that nothing covers at its centre (a click there reaches it). */
    private WebElement topmost(String css) {
        return (WebElement) browser.script("""
                return [...document.querySelectorAll('#map ' + arguments[0])].find((m) => {
                  const r = m.getBoundingClientRect();
                  return r.width > 0 && m.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
                }) ?? null;""", css);
    }

    /** The marker of the record named `name`, if drawn (names may hold quotes: no CSS selector). */
    private WebElement markerOf(String css, String name) {
        return browser.findAll("#map " + css).stream()
                .filter(e -> e.getDomAttribute("title").startsWith(name + " ("))
                .findFirst().orElse(null);
    }

    private String activeMarkerName() {
        return (String) browser.script("""
                const e = document.activeElement;
                return e && e.classList.contains('actor-dot') ? e.title.substring(0, e.title.lastIndexOf(' (')) : null;""");
    }

    private String activeId() {
        return (String) browser.script("return document.activeElement?.id ?? null");
    }

    /** The count line's actors and initiatives (the other layers' counts follow them). */
    private void waitForCount(long actors, long initiatives) {
        String expected = plural(actors, "acteur") + " · " + plural(initiatives, "initiative");
        browser.until(() -> "the count '" + expected + "', shows '" + countText() + "'", d -> countOf(2).equals(expected));
    }

    /** The first `layers` counts of the count line ("12 acteurs · 3 initiatives"). */
    private String countOf(int layers) {
        List<String> counts = List.of(countText().split(" · "));
        return String.join(" · ", counts.subList(0, Math.min(layers, counts.size())));
    }

    private String countText() {
        return normalize(browser.find("#count").getText());
    }

    /**
     * Waits for the panel's list of `collection` to show the API's count for `query` and its first
     * page (50), in the API's order.
     */
    private void waitForList(String collection, String query) {
        JsonNode page = api("/api/" + collection + "?" + query + "&limit=50");
        long total = page.path("numberMatched").asLong();
        List<Long> ids = stream(page.path("features")).map(f -> f.path("id").asLong()).toList();
        String heading = (collection.equals("actors") ? "Acteurs (" : "Initiatives (") + total + ")";
        String group = "#panel .result-group[data-collection=" + collection + "] ";
        browser.until(() -> "the list " + heading + " " + ids + ", shows " + browser.findAll(group + "h3").stream()
                        .map(WebElement::getText).toList() + " " + listIds(collection),
                d -> browser.findAll(group + "h3").stream().anyMatch(h -> heading.equals(normalize(h.getText())))
                        && listIds(collection).equals(ids));
    }

    @SuppressWarnings("unchecked")
    private List<Long> listIds(String collection) {
        List<Object> ids = (List<Object>) browser.script("return [...document.querySelectorAll("
                + "'#panel .result-group[data-collection=" + collection + "] ul.results li')].map((li) => li.dataset.id)");
        return ids.stream().map(id -> Long.parseLong((String) id)).toList();
    }

    /** What a link must bring back. */
    private record Screen(String url, String panelTitle, String panelText, List<String> checked, String count,
                          int selections, int rings) {
    }

    @SuppressWarnings("unchecked")
    private Screen screen() {
        drawnMarkers();
        return new Screen(browser.driver.getCurrentUrl(), browser.find("#panel h2").getText(), browser.panelText(),
                (List<String>) browser.script("return [...document.querySelectorAll('#filters input:checked')].map((i) => i.id)"),
                countText(), browser.findAll("#map path.atlas-selection").size(), browser.findAll("#map path.record-ring").size());
    }

    private List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
    }

    private JsonNode assertCoverageAsTheApi(String level, String filter) {
        browser.until("the coverage drawn", d -> "ready".equals(browser.find("#map").getDomAttribute("data-coverage")));
        JsonNode coverage = api("/api/coverage?level=" + level + (filter.isEmpty() ? "" : "&" + filter) + "&format=geojson");
        JsonNode summary = coverage.path("summary");
        long drawnTerritories = stream(coverage.path("features")).filter(f -> !f.path("geometry").isNull()).count();
        assertThat(browser.findAll("#map .leaflet-coverage-pane path")).as(level + " territories drawn")
                .hasSize((int) drawnTerritories).hasSize(summary.path("territories").asInt());
        assertThat(browser.findAll("#map .leaflet-coverage-pane path.zone-blanche")).as(level + " zones blanches drawn")
                .hasSize(summary.path("zonesBlanches").asInt());
        assertThat(normalize(browser.find(".coverage-legend").getText())).contains(
                "Acteurs pour 10 000 habitants, par " + Map.of("epci", "EPCI", "petr", "PETR").get(level),
                "Zone blanche : ni acteur ni initiative (" + summary.path("zonesBlanches").asInt() + " sur "
                        + summary.path("territories").asInt() + ")");
        return coverage;
    }

    /** "En bref" says what the coverage API says of the territory (its `row`). */
    private void assertBrief(JsonNode row) {
        String expected = plural(row.path("actors").asLong(), "acteur") + " (" + oneDecimal(row.path("actorsPer10k").asDouble())
                + " pour 10 000 habitants), " + plural(row.path("initiatives").asLong(), "initiative") + ".";
        browser.until(() -> "En bref: " + expected + ", shows " + normalize(browser.find("#panel .summary").getText()),
                d -> normalize(browser.find("#panel .summary").getText()).startsWith("En bref\n" + expected));
    }

    private void assertNoHorizontalOverflow(String when) {
        assertThat(((Number) browser.script("return document.scrollingElement.scrollWidth")).intValue())
                .as("page width " + when).isLessThanOrEqualTo(375);
    }

    /** The ring's centre is inside the outline's box. */
    private static void assertInside(WebElement ring, WebElement outline) {
        var r = ring.getRect();
        var o = outline.getRect();
        int x = r.getX() + r.getWidth() / 2;
        int y = r.getY() + r.getHeight() / 2;
        assertThat(x).isBetween(o.getX(), o.getX() + o.getWidth());
        assertThat(y).isBetween(o.getY(), o.getY() + o.getHeight());
    }

    // ---- What the API says ----

    private JsonNode api(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as("GET " + pathAndQuery + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private long matched(String collection, String query) {
        JsonNode page = api("/api/" + collection + "?" + (query.isEmpty() ? "" : query + "&") + "limit=1");
        assertThat(page.has("numberMatched")).as("an exact count").isTrue();
        return page.path("numberMatched").asLong();
    }

    private List<JsonNode> features(String collection, String query, int limit) {
        return stream(api("/api/" + collection + "?" + query + "&limit=" + limit).path("features")).toList();
    }

    private List<Long> ids(String collection, String query, int limit) {
        return features(collection, query, limit).stream().map(f -> f.path("id").asLong()).toList();
    }

    private JsonNode firstSearchResult(String q) {
        return api("/api/territories?q=" + q.replace(" ", "%20") + "&limit=1").path("results").get(0);
    }

    private JsonNode coverageRow(String level, String filter, String code) {
        return stream(api("/api/coverage?level=" + level + "&" + filter + "&format=json").path("territories"))
                .filter(t -> t.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    /** The first theme (of the API's vocabulary) with actors and initiatives, but not all the actors. */
    private String someTheme() {
        long all = matched("actors", "");
        return stream(api("/api/vocabularies").path("themes")).map(t -> t.path("code").asString())
                .filter(code -> {
                    long actors = matched("actors", "theme=" + code);
                    return actors > 0 && actors < all && matched("initiatives", "theme=" + code) > 0;
                })
                .findFirst().orElseThrow();
    }

    /** The first actor type (of the API's vocabulary) with actors, but not all of them. */
    private String someActorType() {
        long all = matched("actors", "");
        return stream(api("/api/vocabularies").path("actorTypes")).map(t -> t.path("code").asString())
                .filter(code -> {
                    long actors = matched("actors", "type=" + code);
                    return actors > 0 && actors < all;
                })
                .findFirst().orElseThrow();
    }

    private String themeLabel(String code) {
        return stream(api("/api/vocabularies").path("themes")).filter(t -> t.path("code").asString().equals(code))
                .findFirst().orElseThrow().path("label").asString();
    }

    /** The label the page gives a type on markers and in the legend: config.js's, shorter than the API's. */
    private String typeLabel(String code) {
        return (String) browser.driver.executeAsyncScript("""
                const [code, done] = arguments;
                import(new URL('app/config.js', document.baseURI).href)
                  .then((m) => done((m.ACTOR_TYPES[code] ?? m.ACTOR_TYPES.autre).label));""", code);
    }

    private static List<String> labels(JsonNode themes) {
        return stream(themes).map(t -> t.path("label").asString()).toList();
    }

    private static List<String> names(JsonNode refs) {
        return stream(refs).map(t -> t.path("name").asString()).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return array.values().stream();
    }

    // ---- Files ----

    /** E-mail of each actor of the demo directory that has one and a website, by name. */
    private static Map<String, String> demoEmailsByName() throws IOException {
        Map<String, String> emails = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(DEMO_ACTORS_CSV, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            for (CSVRecord row : parser) {
                String email = row.get("Courriel").strip();
                if (!email.isEmpty() && !row.get("Site web").isBlank()) {
                    emails.put(row.get(1).strip(), email);
                }
            }
        }
        assertThat(emails).as("demo rows with an e-mail").isNotEmpty();
        return emails;
    }

    private static List<CSVRecord> csvRows(String csv) throws IOException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    private static String attachmentName(HttpResponse<String> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        Matcher m = Pattern.compile("attachment; filename=\"([^\"]+)\"").matcher(disposition);
        assertThat(m.find()).as(disposition).isTrue();
        return m.group(1);
    }

    private String listDownloads() {
        try (Stream<Path> files = Files.list(browser.downloads())) {
            return files.map(p -> p.getFileName().toString()).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    // ---- Text ----

    /** The parameters of a URL (or of its query or hash alone), decoded. */
    private static Map<String, String> params(String url) {
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : url;
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.replaceFirst("^#", "").split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** One parameter of a URL, or null. */
    private static String param(String url, String name) {
        return params(url).get(name);
    }

    /** "1 acteur", "12 acteurs", "1 234 acteurs" as the page writes them (fr-FR). */
    private static String plural(long n, String word) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ') + " " + word + (n > 1 ? "s" : "");
    }

    private static String oneDecimal(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE)).format(value);
    }

    /** Text with its no-break spaces (French number groups, before colons) as plain spaces. */
    private static String normalize(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
