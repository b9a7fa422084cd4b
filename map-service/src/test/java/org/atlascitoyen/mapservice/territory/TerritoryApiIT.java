package org.atlascitoyen.mapservice.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class TerritoryApiIT extends ServiceIT {

    private List<String> kindsAndCodes(JsonNode territories) {
        return territories.valueStream().map(t -> t.path("kind").asString() + ":" + t.path("code").asString()).toList();
    }

    @Test
    void aPointInToulouseIsInItsCommuneEpciDepartementAndRegion() {
        HttpResponse<String> response = get("/api/territories/at?lon=1.4442&lat=43.6045");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(kindsAndCodes(body.path("territories")))
                .containsExactly("commune:31555", "epci:243100518", "bassin_vie:31555", "departement:31", "region:76");
        assertThat(body.path("territories").get(0).path("name").asString()).isEqualTo("Toulouse");
    }

    @Test
    void aPointInAQpvAndAPointInAParkListThem() {
        // Ormeau/Bel Air - Mouysset, a quartier prioritaire of Tarbes in the 2024 list.
        assertThat(kindsAndCodes(json(get("/api/territories/at?lon=0.0788&lat=43.2263")).path("territories")))
                .contains("commune:65440", "qpv:QN06503M");
        // Millau lies in the Grands Causses park.
        assertThat(kindsAndCodes(json(get("/api/territories/at?lon=3.0777&lat=44.0982")).path("territories")))
                .contains("commune:12145", "pnr:FR8000014");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Mediterranean sea, 4.5, 43.0",
            "Paris, 2.3522, 48.8566",
            "Atlantic ocean, -30, 40"})
    void aPointOutsideTheRegionIsInNothing(String where, double lon, double lat) {
        HttpResponse<String> response = get("/api/territories/at?lon=" + lon + "&lat=" + lat);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("territories").isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} finds {2}")
    @CsvSource({
            "beziers, commune, 34032, Béziers",
            "BÉZIERS, commune, 34032, Béziers",
            "st gaudens, commune, 31483, Saint-Gaudens",
            "saint-gaudens, commune, 31483, Saint-Gaudens",
            "toulouse metropole, epci, 243100518, Toulouse Métropole",
            "31000, commune, 31555, Toulouse",
            "31555, commune, 31555, Toulouse",
            "243100518, epci, 243100518, Toulouse Métropole",
            "touluse, commune, 31555, Toulouse",
            "montpelier, commune, 34172, Montpellier",
            "pays lauragais, petr, 200050938, PETR du Pays Lauragais",
            "haute garonne, departement, 31, Haute-Garonne"})
    void searchFindsByNameCodeOrPostcodeToleratingAccentsCaseHyphensAndTypos(String q, String kind, String code, String name) {
        JsonNode first = json(get("/api/territories?q=" + q.replace(" ", "%20") + "&limit=5")).path("results").get(0);

        assertThat(first.path("kind").asString()).isEqualTo(kind);
        assertThat(first.path("code").asString()).isEqualTo(code);
        assertThat(first.path("name").asString()).isEqualTo(name);
    }

    @Test
    void searchRanksExactThenPrefixThenSimilarThenPopulation() {
        JsonNode results = json(get("/api/territories?q=toulouse&kind=commune&limit=10")).path("results");

        List<String> matches = results.valueStream().map(r -> r.path("match").asString()).toList();
        assertThat(matches.get(0)).isEqualTo("exact");
        List<String> order = List.of("code", "exact", "prefix", "word", "similar");
        assertThat(matches).isSortedAccordingTo((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
        assertThat(results.valueStream().map(r -> r.path("kind").asString())).containsOnly("commune");
    }

    @Test
    void searchWithoutQueryListsAKindAndPages() {
        JsonNode page1 = json(get("/api/territories?kind=departement&limit=10"));
        JsonNode page2 = json(get("/api/territories?kind=departement&limit=10&offset=10"));

        assertThat(page1.path("results").size()).isEqualTo(10);
        assertThat(page2.path("results").size()).isEqualTo(3);
        assertThat(page1.path("results").get(0).path("code").asString()).isEqualTo("31"); // the most populated
    }

    @Test
    void oneTerritoryIsAGeoJsonFeatureWithParentsMembersAndBbox() {
        HttpResponse<String> response = get("/api/territories/epci/243100518");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode feature = json(response);
        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("id").asString()).isEqualTo("epci:243100518");
        assertThat(feature.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
        JsonNode p = feature.path("properties");
        assertThat(p.path("name").asString()).isEqualTo("Toulouse Métropole");
        assertThat(p.path("category").asString()).isEqualTo("METRO");
        assertThat(p.path("population").asInt()).isGreaterThan(800_000);
        assertThat(p.path("memberCounts").path("commune").asInt()).isEqualTo(37);
        assertThat(kindsAndCodes(p.path("parents"))).contains("departement:31", "region:76");
        JsonNode bbox = feature.path("bbox");
        assertThat(bbox.size()).isEqualTo(4);
        assertThat(bbox.get(0).asDouble()).isLessThan(1.4442);
        assertThat(bbox.get(2).asDouble()).isGreaterThan(1.4442);
        assertThat(bbox.get(1).asDouble()).isLessThan(43.6045);
        assertThat(bbox.get(3).asDouble()).isGreaterThan(43.6045);
    }

    @Test
    void theRegionHasNoParentAndCountsEveryKind() {
        HttpResponse<String> response = get("/api/territories/region/76?simplify=200");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode p = json(response).path("properties");
        assertThat(p.path("name").asString()).isEqualTo("Occitanie");
        assertThat(p.path("parents").isEmpty()).isTrue();
        assertThat(p.path("memberCounts").path("commune").asInt()).isEqualTo(4446);
        assertThat(p.path("memberCounts").path("departement").asInt()).isEqualTo(13);
        assertThat(p.path("memberCounts").path("epci").asInt()).isEqualTo(164);
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource({"commune, 31555", "epci, 243100518", "petr, 200050938", "bassin_vie, 31555", "departement, 31",
            "region, 76", "qpv, QN06503M", "pnr, FR8000014"})
    void everyKindAnswersAFeature(String kind, String code) {
        HttpResponse<String> response = get("/api/territories/" + kind + "/" + code + "?simplify=100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("properties").path("kind").asString()).isEqualTo(kind);
        assertThat(get("/api/territories/" + kind + "/" + code + "/members").statusCode()).isEqualTo(200);
    }

    @Test
    void geometryCanBeOmittedOrSimplified() {
        JsonNode without = json(get("/api/territories/departement/31?geometry=false"));
        String full = get("/api/territories/departement/31").body();
        String simplified = get("/api/territories/departement/31?simplify=500").body();

        assertThat(without.path("geometry").isNull()).isTrue();
        assertThat(without.path("properties").path("hasGeometry").asBoolean()).isTrue();
        assertThat(simplified.length()).isLessThan(full.length() / 3);
        assertThat(json(get("/api/territories/departement/31?simplify=500")).path("geometry").path("type").asString())
                .isIn("Polygon", "MultiPolygon");
    }

    @Test
    void aCommuneCarriesItsPostcodes() {
        JsonNode p = json(get("/api/territories/commune/31555?geometry=false")).path("properties");

        assertThat(p.path("postcodes").valueStream().map(JsonNode::asString)).contains("31000", "31500");
        assertThat(kindsAndCodes(p.path("parents"))).containsExactly("epci:243100518", "bassin_vie:31555", "departement:31", "region:76");
    }

    @Test
    void membersOfAPetrAreItsCommunesOrItsEpci() {
        JsonNode epci = json(get("/api/territories/petr/200050938/members?memberKind=epci"));
        JsonNode communes = json(get("/api/territories/petr/200050938/members"));

        assertThat(epci.path("count").asInt()).isEqualTo(4);
        assertThat(epci.path("members").valueStream().map(m -> m.path("code").asString()))
                .containsExactlyInAnyOrder("200035855", "200071298", "243100567", "200035707");
        assertThat(epci.path("members").valueStream()).allSatisfy(m ->
                assertThat(m.path("sharedCommunes").asInt()).isEqualTo(m.path("communes").asInt()));
        int communeTotal = epci.path("members").valueStream().mapToInt(m -> m.path("communes").asInt()).sum();
        assertThat(communes.path("memberKind").asString()).isEqualTo("commune");
        assertThat(communes.path("count").asInt()).isEqualTo(communeTotal);
    }

    @Test
    void theCommunesOfAnEpciAreItsMembers() {
        JsonNode members = json(get("/api/territories/epci/243100518/members"));

        assertThat(members.path("count").asInt()).isEqualTo(37);
        assertThat(members.path("members").valueStream().map(m -> m.path("code").asString())).contains("31555", "31069");
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource({
            "/api/territories/at?lat=43.6, 400, lon",
            "/api/territories/at?lon=1.4, 400, lat",
            "/api/territories/at?lon=abc&lat=43.6, 400, lon",
            "/api/territories/at?lon=181&lat=43.6, 400, lon",
            "/api/territories/at?lon=1.4&lat=-91, 400, lat",
            "/api/territories/at?lon=NaN&lat=43.6, 400, lon",
            "/api/territories/at?lon=1.4&lat=43.6&radius=5, 400, radius",
            "/api/territories?q=x&limit=0, 400, limit",
            "/api/territories?q=x&limit=101, 400, limit",
            "/api/territories?q=x&limit=ten, 400, limit",
            "/api/territories?q=x&offset=-1, 400, offset",
            "/api/territories?q=x&kind=canton, 400, kind",
            "/api/territories/canton/31, 400, kind",
            "/api/territories/departement/31?simplify=-5, 400, simplify",
            "/api/territories/departement/31?simplify=99999, 400, simplify",
            "/api/territories/departement/31?geometry=maybe, 400, geometry",
            "/api/territories/commune/31555/members?memberKind=epci, 400, memberKind",
            "/api/territories/epci/243100518/members?memberKind=nope, 400, memberKind"})
    void badParametersAreProblemsNamingTheParameter(String path, int status, String parameter) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/territories/commune/99999",
            "/api/territories/epci/123456789",
            "/api/territories/petr/none/members"})
    void unknownCodesAreNotFound(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asString()).startsWith("No ");
    }

    @Test
    void healthShowsTheDatabaseAndTheTerritories() {
        JsonNode health = json(get("/actuator/health"));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        JsonNode counts = health.path("components").path("territories").path("details").path("counts");
        assertThat(counts.path("commune").asInt()).isEqualTo(4446);
        assertThat(counts.path("epci").asInt()).isEqualTo(164);
    }
}
