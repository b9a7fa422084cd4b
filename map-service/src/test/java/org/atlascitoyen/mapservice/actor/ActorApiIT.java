package org.atlascitoyen.mapservice.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The first cut of /api/actors over actors imported by the directory importer. */
class ActorApiIT extends ServiceIT {

    @BeforeAll
    static void importActors() throws Exception {
        importActorFixture();
    }

    @Test
    void listsActorsAsGeoJsonWithoutPrivateFields() {
        HttpResponse<String> response = get("/api/actors");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(names(body)).contains("Tiers-lieu La Fabrique", "Centre social des Izards", "CPIE du Rouergue");
        JsonNode fabrique = feature(body, "Tiers-lieu La Fabrique");
        assertThat(fabrique.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(1.444);
        assertThat(fabrique.path("properties").path("precision").asString()).isEqualTo("address");
        assertThat(fabrique.path("properties").path("commune").asString()).isEqualTo("31555");
        assertThat(fabrique.path("properties").path("sources").get(0).asString()).isEqualTo("api-test");
        assertThat(response.body()).doesNotContain("fabrique.example.org").doesNotContain("05 00 00 00 01");
    }

    @Test
    void filtersByTerritoryThemeAndType() {
        assertThat(names(json(get("/api/actors?territory=departement:12")))).containsExactlyInAnyOrder(
                "Collectif Jardins partagés", "CPIE du Rouergue");
        assertThat(names(json(get("/api/actors?territory=epci:243100518")))).containsExactlyInAnyOrder(
                "Tiers-lieu La Fabrique", "Centre social des Izards");
        assertThat(names(json(get("/api/actors?theme=biodiversite")))).containsExactly("CPIE du Rouergue");
        assertThat(names(json(get("/api/actors?type=centre_social")))).containsExactly("Centre social des Izards");
        assertThat(names(json(get("/api/actors?territory=commune:12300")))).isEmpty();
    }

    @Test
    void pagesWithACursor() {
        JsonNode first = json(get("/api/actors?limit=3"));
        assertThat(first.path("numberReturned").asInt()).isEqualTo(3);
        JsonNode second = json(get("/api/actors?limit=3&cursor=" + first.path("next").asString()));
        assertThat(second.path("next").isNull()).isTrue();
        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(second));
        assertThat(all).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void badParametersAreProblems() {
        HttpResponse<String> response = get("/api/actors?territory=epci");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("parameter").asString()).isEqualTo("territory");
        assertThat(json(get("/api/actors?territory=canton:1")).path("parameter").asString()).isEqualTo("territory");
        assertThat(json(get("/api/actors?limit=0")).path("parameter").asString()).isEqualTo("limit");
        assertThat(json(get("/api/actors?cursor=abc")).path("parameter").asString()).isEqualTo("cursor");
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.path("features").values().forEach(f -> names.add(f.path("properties").path("name").asString()));
        return names;
    }

    private static JsonNode feature(JsonNode collection, String name) {
        return collection.path("features").valueStream()
                .filter(f -> f.path("properties").path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
