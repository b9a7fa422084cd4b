package org.atlascitoyen.mapservice.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The licences of the sources, wherever their data leaves: the sources list, a record's detail,
 * the exports (a GeoJSON member, a CSV column, Link headers) and the OGC collections, each naming
 * exactly the licences of the sources of what it holds. Four sources: actors under ODbL (Toulouse
 * and Aveyron) and CC BY (Gers), actors without a licence (Hérault), an initiative under the
 * Licence Ouverte (Lot).
 */
class LicenceApiIT extends WebIT {

    private static final String ODBL = "https://opendatacommons.org/licenses/odbl/1-0/";
    private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";
    private static final String ETALAB = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private static final DatabaseConfig DATABASE = dropOnExit(withFourSources());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
    }

    private static DatabaseConfig withFourSources() {
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            Path actors = Path.of(LicenceApiIT.class.getResource("/actor/actors.csv").toURI());
            Path mapping = actors.resolveSibling("actors.mapping.yaml");
            Path dir = Path.of(LicenceApiIT.class.getResource("/licence/initiatives.csv").toURI()).getParent();
            DirectoryImport run = new DirectoryImport(db, Progress.Factory.silent());
            run.run(request(RecordKind.ACTOR, "annuaire-odbl", actors, mapping, SourceLicence.of("ODbL-1.0", null, "© Annuaire des tiers-lieux")));
            run.run(request(RecordKind.ACTOR, "annuaire-gers", dir.resolve("actors-gers.csv"), mapping, SourceLicence.of("CC-BY-4.0", null, null)));
            run.run(request(RecordKind.ACTOR, "sans-licence", dir.resolve("actors-herault.csv"), mapping, SourceLicence.NONE));
            run.run(request(RecordKind.INITIATIVE, "initiatives-lot", dir.resolve("initiatives.csv"),
                    dir.resolve("initiatives.mapping.yaml"), SourceLicence.of("etalab-2.0", null, "Pays de Figeac")));
            Thread.sleep(20); // so that the re-import's date differs from the import's
            // the Gers directory again, unchanged: its rows take the re-import's fast path
            run.run(request(RecordKind.ACTOR, "annuaire-gers", dir.resolve("actors-gers.csv"), mapping, SourceLicence.of("CC-BY-4.0", null, null)));
            return db;
        } catch (Exception e) {
            TestDatabases.drop(db);
            throw new IllegalStateException("Cannot import the licence fixtures", e);
        }
    }

    private static ImportRequest request(RecordKind kind, String source, Path file, Path mapping, SourceLicence licence)
            throws java.io.IOException {
        return new ImportRequest(kind, source, ImportRequest.Format.CSV, file, mapping, false, false,
                java.nio.file.Files.createTempFile("licence-", ".rejects.csv"), licence);
    }

    @Test
    void theSourcesListGivesEachSourcesLicenceUrlAndAttribution() {
        JsonNode sources = json(get("/api/sources")).path("sources");

        assertThat(sources.values().stream().map(s -> s.path("name").asString() + " | " + s.path("format").asString()
                + " | " + s.path("licence").asString("null") + " | " + s.path("licenceUrl").asString("null") + " | "
                + s.path("attribution").asString("null")).toList()).containsExactly(
                "annuaire-gers | csv | CC BY 4.0 | " + CC_BY + " | null",
                "annuaire-odbl | csv | ODbL 1.0 | " + ODBL + " | © Annuaire des tiers-lieux",
                "initiatives-lot | csv | Licence Ouverte 2.0 | " + ETALAB + " | Pays de Figeac",
                "sans-licence | csv | null | null | null");
        assertThat(sources.get(0).path("lastImport").asString()).isNotEmpty();
    }

    @Test
    void theSourcesListAndTheTerritoryCollectionsGiveTheLicencesOfTheReferenceData() {
        JsonNode territories = json(get("/api/sources")).path("territories");
        // The template's territories come from the data directory; the manifest gives each file's licence.
        assertThat(territories.values().stream().map(t -> t.path("kind").asString()).toList())
                .contains("commune-list", "commune-polygons", "epci-list");
        assertThat(territories.values().stream().map(t -> t.path("licence").asString() + " | "
                + t.path("licenceUrl").asString()).distinct().toList())
                .containsExactly("Licence Ouverte 2.0 | " + ETALAB);

        JsonNode communes = json(get("/ogc/collections/communes"));
        assertThat(licences(communes.path("links"))).containsExactly(ETALAB);
        assertThat(communes.path("links").values().stream().filter(l -> l.path("rel").asString().equals("license"))
                .findFirst().orElseThrow().path("title").asString()).startsWith("Licence Ouverte 2.0 (").contains("IGN");
    }

    @Test
    void aRecordsDetailGivesTheLicenceOfEachOfItsSources() {
        long id = json(get("/api/actors?q=fabrique&format=json")).path("items").get(0).path("id").asLong();

        JsonNode source = json(get("/api/actors/" + id)).path("properties").path("sources").get(0);

        assertThat(source.path("source").asString()).isEqualTo("annuaire-odbl");
        assertThat(source.path("licence").asString()).isEqualTo("ODbL 1.0");
        assertThat(source.path("licenceUrl").asString()).isEqualTo(ODBL);
        assertThat(source.path("attribution").asString()).isEqualTo("© Annuaire des tiers-lieux");
        long unlicensed = json(get("/api/actors?q=aubes&format=json")).path("items").get(0).path("id").asLong();
        JsonNode none = json(get("/api/actors/" + unlicensed)).path("properties").path("sources").get(0);
        assertThat(none.path("licence").isNull()).isTrue();
        assertThat(none.path("licenceUrl").isNull()).isTrue();
    }

    @Test
    void aRecordAReimportFoundUnchangedIsSeenAtThatReimport() throws Exception {
        long id = json(get("/api/actors?q=semences&format=json")).path("items").get(0).path("id").asLong();
        String written;
        String reimported;
        try (Connection c = DATABASE.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_char(p.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'),"
                     + " to_char(s.complete_run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
                     + " FROM actor_provenance p JOIN source s ON s.name = p.source WHERE p.actor_id = " + id)) {
            rs.next();
            written = rs.getString(1);
            reimported = rs.getString(2);
        }
        assertThat(reimported).isGreaterThan(written); // the provenance row was not rewritten

        JsonNode source = json(get("/api/actors/" + id)).path("properties").path("sources").get(0);

        assertThat(source.path("source").asString()).isEqualTo("annuaire-gers");
        assertThat(source.path("seen").asBoolean()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(source.path("lastSeenAt").asString()).toInstant())
                .isEqualTo(java.time.LocalDateTime.parse(reimported).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void aGeoJsonExportNamesTheLicencesOfTheSourcesOfItsFeaturesOnly() {
        JsonNode all = json(get("/api/export/actors.geojson"));
        assertThat(all.path("features").size()).isEqualTo(7);
        assertThat(all.path("licences").values().stream().map(l -> l.path("source").asString() + " | "
                + l.path("licence").asString("null") + " | " + l.path("licenceUrl").asString("null")).toList()).containsExactly(
                "annuaire-gers | CC BY 4.0 | " + CC_BY, "annuaire-odbl | ODbL 1.0 | " + ODBL, "sans-licence | null | null");

        JsonNode gers = json(get("/api/export/actors.geojson?territory=departement:32"));
        assertThat(gers.path("features").size()).isEqualTo(2);
        assertThat(gers.path("licences").values().stream().map(l -> l.path("source").asString()).toList())
                .containsExactly("annuaire-gers");
        assertThat(json(get("/api/export/actors.geojson?territory=departement:46")).path("licences").size()).isZero();
    }

    @Test
    void aCsvExportHasTheLicenceOfEachRowsSourcesAndALinkHeaderPerLicence() throws Exception {
        HttpResponse<String> all = get("/api/export/actors.csv");

        assertThat(all.headers().allValues("Link")).containsExactlyInAnyOrder(
                "<" + CC_BY + ">; rel=\"license\"", "<" + ODBL + ">; rel=\"license\"");
        Map<String, String> licenceByName = new HashMap<>();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(all.body().substring(1)))
                .getRecords();
        rows.forEach(r -> licenceByName.put(r.get("name"), r.get("sources") + " | " + r.get("sourceLicences")));
        assertThat(licenceByName).hasSize(7)
                .containsEntry("Tiers-lieu La Fabrique", "annuaire-odbl | ODbL 1.0")
                .containsEntry("Maison des semences paysannes", "annuaire-gers | CC BY 4.0")
                .containsEntry("Vélo-atelier des Aubes", "sans-licence | ");

        assertThat(get("/api/export/actors.csv?territory=departement:12").headers().allValues("Link"))
                .containsExactly("<" + ODBL + ">; rel=\"license\"");
        assertThat(get("/api/export/initiatives.csv").headers().allValues("Link"))
                .containsExactly("<" + ETALAB + ">; rel=\"license\"");
    }

    @Test
    void ogcCollectionsAndTheirItemsLinkExactlyTheLicencesOfTheirSources() {
        Map<String, List<String>> byCollection = new HashMap<>();
        for (JsonNode collection : json(get("/ogc/collections")).path("collections").values()) {
            byCollection.put(collection.path("id").asString(), licences(collection.path("links")));
        }

        assertThat(byCollection.get("actors")).containsExactlyInAnyOrder(CC_BY, ODBL);
        assertThat(byCollection.get("initiatives")).containsExactly(ETALAB);
        assertThat(byCollection.get("epci")).containsExactly(ETALAB);
        assertThat(licences(json(get("/ogc/collections/actors")).path("links"))).containsExactlyInAnyOrder(CC_BY, ODBL);
        assertThat(licences(json(get("/ogc/collections/initiatives/items")).path("links"))).containsExactly(ETALAB);
        JsonNode actorsItems = json(get("/ogc/collections/actors/items?limit=1"));
        assertThat(licences(actorsItems.path("links"))).containsExactlyInAnyOrder(CC_BY, ODBL);
        JsonNode link = actorsItems.path("links").values().stream()
                .filter(l -> l.path("href").asString().equals(ODBL)).findFirst().orElseThrow();
        assertThat(link.path("title").asString()).isEqualTo("ODbL 1.0 (annuaire-odbl)");
    }

    private static List<String> licences(JsonNode links) {
        return links.values().stream().filter(l -> l.path("rel").asString().equals("license"))
                .map(l -> l.path("href").asString()).toList();
    }
}
