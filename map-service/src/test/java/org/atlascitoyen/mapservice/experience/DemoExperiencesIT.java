package org.atlascitoyen.mapservice.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's retours d'expérience (data/demo/experiences.json, as ./atlas run loads them) and the
 * demo initiatives' lessons learned: listed together, failures and abandoned ones among them,
 * across kinds of territory, with comparable experiences.
 */
class DemoExperiencesIT extends DemoServiceIT {

    @Test
    void theDemoExperiencesAndTheInitiativesLessonsAreListedFailuresIncluded() {
        JsonNode all = json(get("/api/experiences?format=json&limit=200"));
        assertThat(all.get("numberMatched").asLong()).as("12 demo experiences and 83 initiatives' lessons learned").isEqualTo(95);
        List<String> names = new ArrayList<>();
        all.get("items").values().forEach(i -> names.add(i.get("name").asString()));
        assertThat(names).contains("Épicerie associative du bourg", "Tiers-lieu dans l'ancienne gare", "Repair café mensuel");
        assertThat(json(get("/api/experiences?outcome=echec&format=json")).get("numberMatched").asLong()).isEqualTo(3);
        assertThat(json(get("/api/experiences?outcome=abandonne&format=json")).get("numberMatched").asLong())
                .as("3 demo ones and the 30 abandoned initiatives").isEqualTo(33);
        String qpv = get("/api/experiences?territoryType=qpv&format=json").body();
        assertThat(qpv).contains("Jardins au pied des immeubles", "Budget participatif de quartier").doesNotContain("Épicerie associative");
        assertThat(get("/api/experiences?territoryType=pnr&format=json").body()).contains("Navette solidaire vers le marché")
                .doesNotContain("Jardins au pied des immeubles");

        long grocery = all.get("items").values().stream().filter(i -> i.get("name").asString().equals("Épicerie associative du bourg"))
                .findFirst().orElseThrow().get("id").asLong();
        JsonNode comparable = json(get("/api/experiences/" + grocery + "/comparable")).get("items");
        assertThat(comparable.size()).isPositive();
        comparable.values().forEach(i -> assertThat(i.get("sharedThemes").size()).isPositive());
        assertThat(get("/api/export/experiences.csv?territoryType=bassin_vie_rural").body()).contains("Épicerie associative du bourg");
    }
}
