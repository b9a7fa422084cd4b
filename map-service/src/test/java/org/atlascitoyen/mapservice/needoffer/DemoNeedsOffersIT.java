package org.atlascitoyen.mapservice.needoffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's fictional needs and offers (data/demo/needs-offers.json) as {@code ./atlas run} loads
 * them: all open, some posted for demo actors, and "who could answer" finds something in Rodez.
 */
class DemoNeedsOffersIT extends DemoServiceIT {

    @Test
    void theDemoAnnouncementsAreOpenAndAnswerable() {
        JsonNode list = json(get("/api/needs-offers?format=json&limit=100"));
        assertThat(list.get("numberMatched").asInt()).isEqualTo(16);
        List<String> departements = new ArrayList<>();
        JsonNode rodezNeed = null;
        for (JsonNode item : list.get("items")) {
            departements.add(item.get("departement").asString());
            if (item.get("name").asString().startsWith("Cherche bénévoles pour le jardin partagé")) {
                rodezNeed = item;
            }
        }
        assertThat(departements).contains("11", "12", "30", "31", "34", "66", "81");
        assertThat(rodezNeed).isNotNull();
        assertThat(list.toString()).contains("Accueil Exil Toulouse Nord").doesNotContain("@example.org");

        HttpResponse<String> matches = get("/api/needs-offers/" + rodezNeed.get("id").asLong() + "/matches?limit=50");
        assertThat(matches.statusCode()).as(matches.body()).isEqualTo(200);
        List<String> nearOffers = new ArrayList<>();
        for (JsonNode m : json(matches).get("items")) {
            if (m.get("kind").asString().equals("needs-offers") && List.of("commune", "bassin_vie").contains(m.get("closeness").asString())) {
                assertThat(m.get("nature").asString()).isEqualTo("offer");
                nearOffers.add(m.get("name").asString());
            }
        }
        assertThat(nearOffers).as(matches.body()).contains("Maraîcher retraité propose d'accompagner un jardin collectif",
                "Animation d'ateliers fresque du climat");

        JsonNode coverage = json(get("/api/needs-offers/coverage?level=bassin_vie"));
        long needs = 0;
        for (JsonNode f : coverage.get("features")) {
            needs += f.get("properties").get("needs").asLong();
        }
        assertThat(needs).as("every demo need lies in a bassin de vie").isEqualTo(8);
    }
}
