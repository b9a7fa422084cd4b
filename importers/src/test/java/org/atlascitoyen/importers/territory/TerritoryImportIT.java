package org.atlascitoyen.importers.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.load.JsonStream;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The reference import against the real data directory and variants of it, in a fresh database
 * per test. Expected counts are computed from the source files themselves, not written down, and
 * from the file the manifest chooses for each kind (the QPV and PETR lists change with the data).
 */
class TerritoryImportIT {

    private static final Path DATA = TestDatabases.dataDirectory();
    private static final DataDirectory FILES = new DataDirectory(DATA, SourceManifest.load());

    private DatabaseConfig db;

    @TempDir
    Path variant;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.empty();
        Schema.migrate(db);
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(db);
    }

    private TerritoryImportReport importFrom(Path dir) throws Exception {
        return new TerritoryImport(db, new DataDirectory(dir, SourceManifest.load())).run();
    }

    @Test
    void loadsEveryKindWithTheCountsOfTheSources() throws Exception {
        TerritoryImportReport report = importFrom(DATA);

        List<JsonNode> communes = array(DATA.resolve("decoupage-administratif-6.0.0/communes.json"));
        Set<String> regionCommunes = new HashSet<>();
        communes.stream().filter(c -> c.path("type").asString().equals("commune-actuelle") && c.path("region").asString().equals("76"))
                .forEach(c -> regionCommunes.add(c.path("code").asString()));
        long epci = array(DATA.resolve("decoupage-administratif-6.0.0/epci.json")).stream()
                .filter(e -> e.path("membres").valueStream().anyMatch(m -> regionCommunes.contains(m.path("code").asString())))
                .count();
        long departements = array(DATA.resolve("decoupage-administratif-6.0.0/departements.json")).stream()
                .filter(d -> d.path("region").asString().equals("76")).count();
        long bassins = csv(DATA.resolve("bassins-de-vie-2022-communes-cog2025.csv")).stream()
                .filter(r -> regionCommunes.contains(r.get("code_commune"))).map(r -> r.get("bv2022")).distinct().count();
        long petr = csv(chosen("petr")).stream().map(r -> r.get("petr_code")).distinct().count();
        Path qpv = chosen("qpv");

        assertThat(report.missingKinds()).isEmpty();
        assertThat(report.loaded("commune")).isEqualTo(regionCommunes.size()).isEqualTo(4446);
        assertThat(report.loaded("epci")).isEqualTo(epci).isEqualTo(164);
        assertThat(report.loaded("petr")).isEqualTo(petr).isPositive();
        assertThat(report.loaded("bassin_vie")).isEqualTo(bassins).isEqualTo(228);
        assertThat(report.loaded("departement")).isEqualTo(departements).isEqualTo(13);
        assertThat(report.loaded("region")).isEqualTo(1);
        assertThat(report.loaded("qpv")).isEqualTo(features(qpv)).isPositive();
        assertThat(report.loaded("pnr")).isEqualTo(features(DATA.resolve("pnr-occitanie.geojson"))).isEqualTo(7);
        assertThat(report.loaded()).allSatisfy(k -> assertThat(k.withGeometry()).isEqualTo(k.total()));

        assertThat(query("SELECT epci || ' ' || departement || ' ' || bassin_vie || ' ' || region FROM commune WHERE code = '31555'"))
                .containsExactly("243100518 31 31555 76");
        // A PETR member EPCI gives its PETR to each of its communes.
        assertThat(query("SELECT DISTINCT petr FROM commune WHERE epci = '200071298'")).containsExactly("200050938");
        assertThat(query("SELECT count(*) FROM commune WHERE NOT has_polygon")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM territory WHERE NOT ST_IsValid(geom)")).containsExactly("0");
        assertThat(report.issues("qpv", "invalid geometry repaired")).extracting(TerritoryImportReport.Issue::code)
                .containsExactlyInAnyOrderElementsOf(invalidFeatures(qpv));
        assertThat(query("SELECT count(*) FROM territory_import")).containsExactly("1");
    }

    @Test
    void aSecondImportGivesTheSameState() throws Exception {
        importFrom(DATA);
        List<String> first = stateFingerprint();
        importFrom(DATA);
        assertThat(stateFingerprint()).isEqualTo(first);
        assertThat(query("SELECT count(*) FROM territory_import")).containsExactly("2");
    }

    @Test
    void loadsTheNationalCommuneListThatLocatingTellsOutsideCommunesWith() throws Exception {
        importFrom(DATA);

        List<JsonNode> communes = array(DATA.resolve("decoupage-administratif-6.0.0/communes.json"));
        long current = communes.stream().filter(c -> c.path("type").asString().equals("commune-actuelle")).count();
        long departements = array(DATA.resolve("decoupage-administratif-6.0.0/departements.json")).size();

        assertThat(query("SELECT count(*) FROM france_commune WHERE kind = 'commune-actuelle'")).containsExactly(Long.toString(current));
        assertThat(query("SELECT count(*) FROM france_departement")).containsExactly(Long.toString(departements));
        assertThat(query("SELECT kind || ' ' || name || ' ' || commune || ' ' || departement || ' ' || region || ' ' || postcodes::text "
                + "FROM france_commune WHERE code IN ('15054', '48184', '75101') ORDER BY code, kind")).containsExactly(
                "commune-actuelle Condat 15054 15 84 {15190}",
                "ancien-code Bel-Air-Val-d'Ance 48038 48 76 {}",
                "commune-deleguee Saint-Symphorien 48038 48 76 {}",
                "arrondissement-municipal Paris 1er Arrondissement 75056 75 11 {75001}");
        // Every code designates a current commune of the list.
        assertThat(query("SELECT count(*) FROM france_commune f WHERE NOT EXISTS "
                + "(SELECT FROM france_commune c WHERE c.code = f.commune AND c.kind = 'commune-actuelle')")).containsExactly("0");
    }

    @Test
    void polygonsOf2018AreRegroupedOntoTheCurrentCommunes() throws Exception {
        Path dir = variantWithout("communes-occitanie-2026.geojson");
        TerritoryImportReport report = importFrom(dir);

        assertThat(report.sources()).anySatisfy(s -> assertThat(s.fileName()).isEqualTo("communes-occitanie-2018.geojson"));
        assertThat(report.loaded("commune")).isEqualTo(4446);
        // 12218 Conques-en-Rouergue has no polygon under its own code in 2018: it gets the one of
        // 12076, a commune now delegated to it (chefLieu in communes.json).
        assertThat(query("SELECT has_polygon || ' ' || array_to_string(polygon_sources, ',') FROM commune WHERE code = '12218'"))
                .containsExactly("true 12076");
        // A commune nouvelle is the union of its own polygon and its delegated communes' ones.
        assertThat(query("SELECT (array_length(polygon_sources, 1) > 1)::text FROM commune WHERE code = '81233'")).containsExactly("true");
        // Two 2018 codes merged without a delegated commune cannot be placed: reported, not used.
        assertThat(report.issues("commune", "polygon whose code")).extracting(TerritoryImportReport.Issue::code)
                .containsExactlyInAnyOrder("30157", "30190");
    }

    @Test
    void aCommuneWithoutPolygonIsKeptFlaggedAndReported() throws Exception {
        Path dir = variantWithout("communes-occitanie-2026.geojson");
        Path withoutToulouse = dir.resolve("communes-occitanie-2018.geojson");
        Files.delete(withoutToulouse);
        writeWithout(DATA.resolve("communes-occitanie-2026.geojson"), dir.resolve("communes-occitanie-2026.geojson"), "31555");

        TerritoryImportReport report = importFrom(dir);

        assertThat(report.loaded("commune")).isEqualTo(4446);
        assertThat(report.loaded()).filteredOn(k -> k.kind().equals("commune")).singleElement()
                .satisfies(k -> assertThat(k.withGeometry()).isEqualTo(4445));
        assertThat(query("SELECT has_polygon::text FROM commune WHERE code = '31555'")).containsExactly("false");
        assertThat(query("SELECT count(*) FROM commune_part WHERE code = '31555'")).containsExactly("0");
        assertThat(report.issues("commune", "current commune without any polygon")).extracting(TerritoryImportReport.Issue::code)
                .containsExactly("31555");
        // Its EPCI still has a geometry, from its other communes.
        assertThat(query("SELECT (geom IS NOT NULL)::text FROM territory WHERE kind = 'epci' AND code = '243100518'")).containsExactly("true");
    }

    @Test
    void anInvalidPolygonIsRepairedAndCounted() throws Exception {
        Path dir = variantWithout("communes-occitanie-2026.geojson", "communes-occitanie-2018.geojson");
        Files.copy(fixture("self-intersecting-polygon.geojson"), dir.resolve("communes-occitanie-2026.geojson"));

        TerritoryImportReport report = importFrom(dir);

        assertThat(report.issues("commune", "invalid geometry repaired")).extracting(TerritoryImportReport.Issue::code)
                .containsExactly("31555");
        assertThat(query("SELECT ST_IsValid(geom) || ' ' || ST_NumGeometries(geom) FROM territory WHERE kind = 'commune' AND code = '31555'"))
                .containsExactly("true 2");
        assertThat(report.issues("commune", "current commune without any polygon")).hasSize(4445);
    }

    @Test
    void missingOptionalKindsAreNamedAndLeftEmpty() throws Exception {
        TerritoryImportReport report = importFrom(variantWithout(acceptedFiles("qpv", "qpv-superseded", "pnr", "petr")));

        assertThat(report.missingKinds()).containsExactlyInAnyOrder("qpv", "qpv-superseded", "pnr", "petr");
        assertThat(report.aliases()).isEmpty();
        assertThat(query("SELECT count(*) FROM territory_alias")).containsExactly("0");
        assertThat(report.loaded("qpv")).isZero();
        assertThat(report.loaded("pnr")).isZero();
        assertThat(report.loaded("petr")).isZero();
        assertThat(report.loaded("commune")).isEqualTo(4446);
        assertThat(query("SELECT count(*) FROM commune WHERE petr IS NOT NULL")).containsExactly("0");
    }

    @Test
    void aBrokenFileFailsWithItsNameAndLeavesThePublishedStateAsItWas() throws Exception {
        importFrom(DATA);
        List<String> before = stateFingerprint();
        String qpv = chosen("qpv").getFileName().toString();
        Path dir = variantWithout(qpv);
        Files.copy(fixture("truncated.geojson"), dir.resolve(qpv));

        assertThatThrownBy(() -> importFrom(dir))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(qpv)
                .hasMessageContaining("line 3");
        assertThat(stateFingerprint()).isEqualTo(before);
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        String petr = chosen("petr").getFileName().toString();
        Path dir = variantWithout(petr);
        Files.copy(fixture("petr-missing-column.csv"), dir.resolve(petr));

        assertThatThrownBy(() -> importFrom(dir))
                .hasMessageContaining(petr)
                .hasMessageContaining("missing column(s) epci_siren");
    }

    @Test
    void withoutTheCommuneListNothingCanBeKeyed() throws Exception {
        Path dir = variantWithout("decoupage-administratif-6.0.0");

        assertThatThrownBy(() -> importFrom(dir))
                .isInstanceOf(TerritoryImportException.class)
                .hasMessageContaining("No commune-list file")
                .hasMessageContaining("communes.json");
    }

    /** The file of this kind that the manifest chooses in the data directory. */
    private static Path chosen(String kind) {
        return FILES.find(kind).orElseThrow(() -> new AssertionError("No " + kind + " file in " + DATA)).file();
    }

    /** Every file name the manifest accepts for these kinds. */
    private static String[] acceptedFiles(String... kinds) {
        return Stream.of(kinds).flatMap(kind -> FILES.manifest().source(kind).orElseThrow().fileVintages().keySet().stream())
                .distinct().toArray(String[]::new);
    }

    /** A data directory with links to every reference file but the named ones. */
    private Path variantWithout(String... excluded) throws IOException {
        Set<String> skip = Set.of(excluded);
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path f : files.toList()) {
                if (!skip.contains(f.getFileName().toString())) {
                    Files.createSymbolicLink(variant.resolve(f.getFileName()), f.toAbsolutePath());
                }
            }
        }
        return variant;
    }

    /** Copies a GeoJSON FeatureCollection without the features of the given code. */
    private static void writeWithout(Path source, Path target, String code) throws IOException {
        JsonNode collection = JsonStream.MAPPER.readTree(source.toFile());
        var features = (tools.jackson.databind.node.ArrayNode) collection.get("features");
        for (int i = features.size() - 1; i >= 0; i--) {
            if (features.get(i).path("properties").path("code").asString().equals(code)) {
                features.remove(i);
            }
        }
        JsonStream.MAPPER.writeValue(target.toFile(), collection);
    }

    /** Rows of every published territory table, geometry included, for comparing two states. */
    private List<String> stateFingerprint() throws SQLException {
        return query("""
                SELECT 'territory', count(*), md5(string_agg(concat_ws('|', kind, code, name, category, population,
                       ST_AsEWKB(geom), ST_AsEWKB(label_point), vintage, source), ',' ORDER BY kind, code)) FROM territory
                UNION ALL SELECT 'commune', count(*), md5(string_agg(c::text, ',' ORDER BY code)) FROM commune c
                UNION ALL SELECT 'commune_part', count(*), md5(string_agg(ST_AsEWKB(geom)::text, ',' ORDER BY code, ST_AsEWKB(geom)::text)) FROM commune_part
                UNION ALL SELECT 'petr_member', count(*), md5(string_agg(p::text, ',' ORDER BY epci_code)) FROM petr_member p
                UNION ALL SELECT 'zone_commune', count(*), md5(string_agg(z::text, ',' ORDER BY kind, code, commune_code)) FROM zone_commune z
                UNION ALL SELECT 'france_commune', count(*), md5(string_agg(f::text, ',' ORDER BY code, kind)) FROM france_commune f
                ORDER BY 1
                """);
    }

    /** Codes of the features of a GeoJSON file whose geometry PostGIS finds invalid. */
    private List<String> invalidFeatures(Path file) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement st = c.prepareStatement("SELECT NOT ST_IsValid(ST_GeomFromGeoJSON(?))")) {
            for (JsonNode feature : JsonStream.MAPPER.readTree(file.toFile()).path("features")) {
                st.setString(1, feature.path("geometry").toString());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        codes.add(feature.path("properties").path("code").asString());
                    }
                }
            }
        }
        return codes;
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TerritoryImportIT.class.getResource("/territory/" + name).toURI());
    }

    private static List<JsonNode> array(Path file) {
        return JsonStream.MAPPER.readTree(file.toFile()).valueStream().toList();
    }

    private static long features(Path file) {
        return JsonStream.MAPPER.readTree(file.toFile()).path("features").size();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }
}
