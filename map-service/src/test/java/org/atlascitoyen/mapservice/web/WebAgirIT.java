package org.atlascitoyen.mapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.mapservice.web.AgirFixtures.HOSTILE;

import java.net.http.HttpResponse;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The cards' parts that call issue 15's own endpoints, in headless Chromium on
 * {@link AgirFixtures}: "Qui pourrait répondre ?" lists what {@code /api/needs-offers/{id}/matches}
 * answers and opens it, "Expériences comparables" what {@code /api/experiences/{id}/comparable}
 * answers, the calendar links give iCalendar the service serves, and the experiences' kind of
 * territory filters the map ({@code territoryType}). The map's side of these kinds, which needs
 * none of them, is {@link WebAgirMapIT}.
 */
class WebAgirIT extends WebIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
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
    void whoCouldAnswerListsTheMatchesAndOpensThem() throws Exception {
        JsonNode matches = api("/api/needs-offers/" + ids.need() + "/matches").path("items");
        assertThat(matches.size()).as("the offer or the actor of the same theme").isPositive();
        browser.open("/#need_offer=" + ids.need());
        browser.waitForPanelTitle(HOSTILE + " Besoin de bénévoles");

        browser.find("#matches").click();

        browser.until("the matches listed", d -> browser.findAll("#matches-list li").size() == matches.size());
        assertThat(browser.find("#matches").getDomAttribute("aria-expanded")).isEqualTo("true");
        List<String> names = browser.findAll("#matches-list li button").stream().map(WebElement::getText).toList();
        assertThat(names).containsExactlyElementsOf(matches.values().stream().map(m -> m.path("name").asString()).toList());
        WebAgirMapIT.shot(browser, "card-need-matches");
        Axe.assertNoViolations(browser, "a need's card with its matches");
        JsonNode first = matches.get(0);
        browser.find("#matches-list li button").click();
        browser.waitForPanelTitle(first.path("name").asString());
        String kind = first.path("kind").asString().equals("actors") ? "actor" : "need_offer";
        assertThat(browser.hash()).contains(kind + "=" + first.path("id").asLong());
    }

    @Test
    void comparableExperiencesAreListed() throws Exception {
        JsonNode comparable = api("/api/experiences/" + ids.failure() + "/comparable").path("items");
        browser.open("/#experience=" + ids.failure());
        browser.waitForPanelTitle(HOSTILE + " Épicerie solidaire");

        browser.find("#comparables").click();

        browser.until("the comparable experiences listed or none said", d -> comparable.isEmpty()
                ? browser.find(".comparables .card-section-loading").getText().startsWith("Aucune expérience")
                : browser.findAll("#comparables-list li").size() == comparable.size());
        assertThat(browser.findAll("#comparables-list li button")).extracting(WebElement::getText)
                .containsExactlyElementsOf(comparable.values().stream().map(c -> c.path("name").asString()).toList());
        WebAgirMapIT.shot(browser, "card-experience-comparables");
    }

    @Test
    void theCalendarLinksGiveTheEventAndTheSelectionAsICalendar() {
        browser.open("/#event=" + ids.event() + "&territory=commune:" + AgirFixtures.RODEZ);
        browser.waitForPanelTitle(HOSTILE + " Repair café");

        String one = browser.find("#panel a[data-calendar=event]").getDomAttribute("href");
        HttpResponse<String> event = get("/" + one);
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(event.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(event.body()).contains("BEGIN:VEVENT", "Repair café");

        String feed = browser.find("#panel a[data-calendar=feed]").getDomAttribute("href");
        assertThat(feed).isEqualTo("api/events.ics?territory=commune%3A" + AgirFixtures.RODEZ);
        HttpResponse<String> calendar = get("/" + feed);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("Repair café").doesNotContain("Forum des associations");
    }

    @Test
    void theKindOfTerritoryFiltersTheExperiences() {
        String code = api("/api/vocabularies").path("experienceTerritoryTypes").values().stream()
                .map(t -> t.path("code").asString()).findFirst().orElse("bassin_vie_urbain");
        long expected = api("/api/experiences?territoryType=" + code + "&limit=1").path("numberMatched").asLong();
        browser.open("/#map=8/43.95/2.1");
        browser.waitForMarkers();

        browser.find("#filter-territoryType-" + code).click();

        browser.until("territoryType in the hash", d -> browser.hash().contains("territoryType=" + code));
        browser.until("the experiences of that kind of territory drawn", d -> "ready".equals(browser.find("#map")
                .getDomAttribute("data-markers")) && browser.findAll("#map .experience-dot").size() == expected);
        assertThat(browser.driver.findElements(By.cssSelector("#map .need_offer-dot"))).as("other layers untouched").hasSize(2);
    }

    private JsonNode api(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as("GET " + pathAndQuery + ": " + response.body()).isEqualTo(200);
        return json(response);
    }
}
